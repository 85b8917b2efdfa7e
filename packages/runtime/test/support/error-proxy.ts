import { createServer, type Server } from "node:http";
import { listenLocal } from "./listen-local.js";

/**
 * A proxy in front of the emulator that answers chosen calls with an error of any name, as EMR's wire would:
 * `before-commit` answers without forwarding (EMR refused or never saw it), `after-commit` forwards, lets the call be
 * done, and answers the error instead of its answer; `hang` holds the request without forwarding and never answers.
 * Each fault fires `count` times, in the order given.
 */
export interface ErrorFault {
  operation: string;
  when: "before-commit" | "after-commit" | "hang";
  type?: string;
  status?: number;
  message?: string;
  count: number;
}

export async function startErrorProxy(
  target: string,
  faults: ErrorFault[],
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const operation = String(request.headers["x-amz-target"] ?? "").replace(/^.*\./, "");
    const fault = faults.find((f) => f.operation === operation && f.count > 0);
    if (fault !== undefined) fault.count--;
    if (fault?.when === "hang") return;
    const answer =
      fault?.when === "before-commit"
        ? undefined
        : await fetch(`${target}${request.url ?? "/"}`, {
            method: request.method ?? "POST",
            headers: Object.fromEntries(
              Object.entries(request.headers).filter(
                ([key]) => !["host", "connection", "content-length"].includes(key),
              ),
            ) as Record<string, string>,
            body: Buffer.concat(chunks),
          });
    const body = fault === undefined ? Buffer.from(await (answer as Response).arrayBuffer()) : undefined;
    response.writeHead(fault === undefined ? (answer as Response).status : (fault.status ?? 400), {
      "content-type": "application/x-amz-json-1.1",
    });
    response.end(body ?? JSON.stringify({ __type: fault?.type, message: fault?.message ?? "Injected fault." }));
  });
  return listenLocal(server);
}
