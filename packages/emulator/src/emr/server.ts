import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FaultInjector, FaultRule } from "../faults.js";
import { callerOf } from "../sigv4/caller.js";
import type { SignatureVerifier } from "../sigv4/signature.js";
import { SignatureRefused } from "../sigv4/signature-refused.js";
import { EmrError } from "./emr-error.js";
import type { Engine } from "./engine.js";
import { checkInput, OPERATIONS } from "./operations/index.js";
import { emrSignatureError } from "./signature-errors.js";

/** Bodies larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A client that sends its request slower than this is cut off, so slow senders cannot hold the server. */
const REQUEST_TIMEOUT_MS = 30_000;

const CONTENT_TYPE = "application/x-amz-json-1.1";
const TARGET_PREFIX = "ElasticMapReduce.";
const utf8 = new TextDecoder("utf-8", { fatal: true });

interface Served {
  engine: Engine;
  faults: FaultInjector;
  /** Present when signatures are checked. */
  verifier?: SignatureVerifier;
}

/**
 * EMR's wire protocol, awsJson1_1: `POST /` with `X-Amz-Target: ElasticMapReduce.<Operation>` and a JSON body;
 * answers are JSON, errors HTTP 400 (500 for server faults) with `{"__type", "Message"}`, even for a request too
 * broken for HTTP to parse. An answer is sent only once what the request changed, and everything it read, is on disk;
 * a request whose change cannot be written is an InternalServerError (500) that says why, and changes nothing.
 */
export function createEmrServer(served: Served): Server {
  const server = createServer((req, res) => {
    void handle(req, res, served).catch((error: unknown) => {
      if (error instanceof SignatureRefused) error = emrSignatureError(error);
      if (!(error instanceof EmrError)) error = new EmrError("InternalServerError", (error as Error).message, 500);
      if (!res.headersSent) sendError(res, error as EmrError);
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on("clientError", answerBrokenHttp);
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, { engine, faults, verifier }: Served): Promise<void> {
  const raw = await readBody(req);
  // The clusters a request sees are those of the region and account it was signed for.
  const caller = verifier ? await verifier.verify(req, raw) : callerOf(req.headers.authorization);
  const operation = operationOf(req);
  const fault = faults.next(operation);
  await injectBefore(fault);
  const input = parseBody(raw);
  checkInput(operation, input);
  // One change, written whole or refused; the answer waits until it (and all it saw) is on disk.
  const output = engine.request(() => OPERATIONS[operation]!.run(engine, input as Record<string, unknown>, caller));
  await engine.durable();
  // The operation is committed (journaled); dropping the answer now is what an outcome-unknown failure looks like.
  if (fault?.action === "drop-after-commit") return void req.socket.destroy();
  send(res, 200, output);
}

/** The operation a request names, refused as EMR refuses it when the request is not awsJson1_1 for EMR. */
function operationOf(req: IncomingMessage): string {
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
  if (req.method !== "POST" || !Object.hasOwn(OPERATIONS, operation)) {
    throw new EmrError("UnknownOperationException", `Unknown operation ${JSON.stringify(target)}.`);
  }
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (type !== CONTENT_TYPE) {
    throw new EmrError(
      "SerializationException",
      `Content-Type ${JSON.stringify(type)} is not supported: EMR takes ${CONTENT_TYPE}.`,
      415,
    );
  }
  return operation;
}

async function injectBefore(fault: FaultRule | undefined): Promise<void> {
  if (fault?.action === "throttle") throw new EmrError("ThrottlingException", "Rate exceeded");
  if (fault?.action === "server-error") throw new EmrError("InternalServerError", "Injected fault.", 500);
  if (fault?.action === "delay") await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
}

/** Bytes to JSON, strictly: invalid UTF-8 is refused, never turned into U+FFFD and stored as if it had been sent. */
function parseBody(raw: Buffer): unknown {
  try {
    return raw.length === 0 ? {} : JSON.parse(utf8.decode(raw));
  } catch {
    throw new EmrError("SerializationException", "Request body is not valid JSON in UTF-8.");
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size <= MAX_BODY_BYTES) return resolve(Buffer.concat(chunks));
      reject(new EmrError("SerializationException", `Request body is larger than ${MAX_BODY_BYTES} bytes.`, 413));
    });
    req.on("error", reject);
  });
}

/** Node's own answer to a request it cannot parse is a bare 400; EMR's clients expect the JSON error body. */
function answerBrokenHttp(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const text = JSON.stringify({
    __type: "SerializationException",
    Message: `Malformed HTTP request: ${error.code ?? error.message}.`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request"}\r\n` +
      `content-type: ${CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

function sendError(res: ServerResponse, error: EmrError): void {
  const code = error.errorCode === undefined ? {} : { ErrorCode: error.errorCode };
  send(res, error.status, { __type: error.type, ...code, Message: error.message });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": CONTENT_TYPE, "content-length": Buffer.byteLength(text) });
  res.end(text);
}
