import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { EmrError } from "./emr-error.js";
import type { Engine } from "./engine.js";
import type { FaultInjector } from "./faults.js";
import { checkInput, OPERATIONS } from "./operations.js";

/** Bodies larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * EMR's wire protocol, awsJson1_1: `POST /` with `X-Amz-Target: ElasticMapReduce.<Operation>` and a JSON body;
 * answers are JSON, errors HTTP 400 (500 for server faults) with `{"__type", "Message"}`.
 */
export function createEmrServer(engine: Engine, faults: FaultInjector): Server {
  return createServer((req, res) => {
    void handle(req, res, engine, faults).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { __type: "InternalServerError", Message: (error as Error).message });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, engine: Engine, faults: FaultInjector): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    send(res, 413, {
      __type: "SerializationException",
      Message: `Request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
    return;
  }
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
    // The operation is committed (journaled); dropping the answer now is what an outcome-unknown failure looks like.
    if (fault?.action === "drop-after-commit") return void req.socket.destroy();
    send(res, 200, output);
  } catch (error) {
    if (!(error instanceof EmrError)) throw error;
    send(res, error.status, { __type: error.type, Message: error.message });
  }
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
