import { createServer, type Server } from "node:http";
import { listenLocal } from "./listen-local.js";

/**
 * A proxy in front of a real EMR endpoint (moto, the emulator) that misbehaves on cue, by operation:
 * `drop-after-commit` forwards the request and then closes the connection without an answer; `drop-before-commit`
 * closes it without forwarding (the request never arrived); `hang-before-commit` never forwards nor answers; `throttle` answers ThrottlingException without
 * forwarding; `delay-after-commit` forwards and answers only after `delayMs`; `error-after-commit` forwards and
 * answers 500 InternalServerError. Each fault fires `count` times;
 * `before` runs first (another client acting in the same moment).
 */
export interface ProxyFault {
  operation: string;
  action:
    | "drop-after-commit"
    | "drop-before-commit"
    | "hang-before-commit"
    | "error-after-commit"
    | "throttle"
    | "delay-after-commit";
  count: number;
  delayMs?: number;
  before?: () => Promise<void>;
}

export interface ProxyOptions {
  /**
   * ListSteps does not show a step for this long after AddJobFlowSteps added it (answered or not): a read-back
   * that lags, as EMR promises no read-after-write consistency.
   */
  hideNewStepsMs?: number;
  /** Sees every request's operation and JSON body, as the server will. */
  onRequest?: (operation: string, body: Record<string, unknown>) => void;
}

export async function startFaultProxy(
  target: string,
  faults: ProxyFault[],
  options: ProxyOptions = {},
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const addedAt = new Map<string, number>();
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const operation =
      String(request.headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    const fault = faults.find((f) => f.operation === operation && f.count > 0);
    if (fault !== undefined) fault.count--;
    options.onRequest?.(operation, JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
    await fault?.before?.();
    if (fault?.action === "hang-before-commit") return;
    if (fault?.action === "drop-before-commit") {
      request.socket.destroy();
      return;
    }
    if (fault?.action === "throttle") {
      response.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
      response.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([key]) => !["host", "connection", "content-length"].includes(key)),
    ) as Record<string, string>;
    const answer = await fetch(`${target}${request.url ?? "/"}`, {
      method: request.method ?? "POST",
      headers,
      body: Buffer.concat(chunks),
    });
    let body: Buffer = Buffer.from(await answer.arrayBuffer());
    if (options.hideNewStepsMs !== undefined && answer.ok)
      body = hideNewSteps(operation, body, addedAt, options.hideNewStepsMs);
    if (fault?.action === "delay-after-commit")
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    if (fault?.action === "error-after-commit") {
      response.writeHead(500, { "content-type": "application/x-amz-json-1.1" });
      response.end(JSON.stringify({ __type: "InternalServerError", message: "after commit" }));
      return;
    }
    if (fault?.action === "drop-after-commit" || request.socket.destroyed) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(body);
  });
  return listenLocal(server);
}

/** Remembers when AddJobFlowSteps added each step; takes the steps added less than `lagMs` ago out of ListSteps. */
function hideNewSteps(operation: string, body: Buffer, addedAt: Map<string, number>, lagMs: number): Buffer {
  const json = JSON.parse(body.toString("utf8"));
  if (operation === "AddJobFlowSteps") for (const id of json.StepIds ?? []) addedAt.set(id, Date.now());
  if (operation !== "ListSteps") return body;
  json.Steps = (json.Steps ?? []).filter((step: { Id: string }) => Date.now() - (addedAt.get(step.Id) ?? 0) >= lagMs);
  return Buffer.from(JSON.stringify(json));
}
