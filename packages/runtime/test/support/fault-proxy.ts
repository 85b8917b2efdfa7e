import { createServer, type Server } from "node:http";

/**
 * A proxy in front of a real EMR endpoint (moto) that misbehaves on cue, by operation: `drop-after-commit` forwards
 * the request and then closes the connection without an answer; `throttle` answers ThrottlingException without
 * forwarding; `delay-after-commit` forwards and answers only after `delayMs`. Each fault fires `count` times.
 */
export interface ProxyFault {
  operation: string;
  action: "drop-after-commit" | "throttle" | "delay-after-commit";
  count: number;
  delayMs?: number;
}

export async function startFaultProxy(
  target: string,
  faults: ProxyFault[],
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const operation =
      String(request.headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    const fault = faults.find((f) => f.operation === operation && f.count > 0);
    if (fault !== undefined) fault.count--;
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
    const body = Buffer.from(await answer.arrayBuffer());
    if (fault?.action === "delay-after-commit")
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    if (fault?.action === "drop-after-commit" || request.socket.destroyed) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
