/**
 * The load both endpoints get: CLIENTS concurrent clients, each on its own keep-alive connection, sending the
 * bytes an EMR client sends (awsJson1_1, unsigned: neither server checks signatures here) back to back for a
 * fixed time. Raw HTTP rather than the SDK, so the figure is the server's and not the client's serialisation.
 */
import { type Agent, request } from "node:http";

export const CLIENTS = 32;

export interface LoadResult {
  perSecond: number;
  p99: number;
  errors: number;
}

/** One awsJson1_1 call; resolves with the status and the parsed answer. */
export function call(endpoint: string, agent: Agent, operation: string, body: unknown) {
  const url = new URL(endpoint);
  const data = JSON.stringify(body);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: "/",
        agent,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `ElasticMapReduce.${operation}`,
          "content-length": Buffer.byteLength(data),
          // moto picks the service from the credential scope; the signature itself is checked by neither.
          authorization:
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticmapreduce/aws4_request, SignedHeaders=host, Signature=0",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

/** CLIENTS workers calling back to back for `seconds`: throughput, 99th percentile latency and error answers. */
export async function load(
  seconds: number,
  next: (worker: number) => Promise<{ status: number }>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      while (performance.now() < end) {
        const start = performance.now();
        if ((await next(worker)).status !== 200) errors++;
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
    errors,
  };
}
