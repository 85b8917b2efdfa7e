import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { EmrError } from "./emr-error.js";
import type { Engine } from "./engine.js";
import type { FaultInjector } from "./faults.js";
import { checkInput, OPERATIONS } from "./operations.js";
import type { SignatureVerifier } from "./signature.js";

/** Bodies larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A client that sends its request slower than this is cut off, so slow senders cannot hold the server. */
const REQUEST_TIMEOUT_MS = 30_000;

interface Served {
  engine: Engine;
  faults: FaultInjector;
  /** Present when signatures are checked. */
  verifier?: SignatureVerifier;
}

/**
 * EMR's wire protocol, awsJson1_1: `POST /` with `X-Amz-Target: ElasticMapReduce.<Operation>` and a JSON body;
 * answers are JSON, errors HTTP 400 (500 for server faults) with `{"__type", "Message"}`. An answer is sent only
 * once what the request changed is on disk.
 */
export function createEmrServer(served: Served): Server {
  const server = createServer((req, res) => {
    void handle(req, res, served).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { __type: "InternalServerError", Message: (error as Error).message });
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, { engine, faults, verifier }: Served): Promise<void> {
  const raw = await readBody(req);
  if (raw === undefined) {
    send(res, 413, {
      __type: "SerializationException",
      Message: `Request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
    return;
  }
  try {
    await verifier?.verify(req, raw);
  } catch (error) {
    if (!(error instanceof EmrError)) throw error;
    return send(res, error.status, { __type: error.type, Message: error.message });
  }
  const body = raw.toString("utf8");
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target.startsWith("ElasticMapReduce.") ? target.slice("ElasticMapReduce.".length) : "";
  if (req.method !== "POST" || !Object.hasOwn(OPERATIONS, operation)) {
    send(res, 400, { __type: "UnknownOperationException", Message: `Unknown operation ${JSON.stringify(target)}.` });
    return;
  }
  const fault = faults.next(operation);
  if (fault?.action === "throttle") return send(res, 400, { __type: "ThrottlingException", Message: "Rate exceeded" });
  if (fault?.action === "server-error")
    return send(res, 500, { __type: "InternalServerError", Message: "Injected fault." });
  if (fault?.action === "delay") await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return send(res, 400, { __type: "SerializationException", Message: "Request body is not valid JSON." });
  }
  try {
    checkInput(operation, input);
    const output = OPERATIONS[operation]!.run(engine, input as Record<string, unknown>);
    await engine.durable();
    // The operation is committed (journaled); dropping the answer now is what an outcome-unknown failure looks like.
    if (fault?.action === "drop-after-commit") return void req.socket.destroy();
    send(res, 200, output);
  } catch (error) {
    if (!(error instanceof EmrError)) throw error;
    send(res, error.status, { __type: error.type, Message: error.message });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
