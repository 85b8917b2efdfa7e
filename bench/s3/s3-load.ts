/**
 * The load of the S3 bench: CLIENTS SDK v3 S3 clients, each with its own keep-alive connection, calling back to
 * back for a fixed time; and the same work done with fs.readFile/fs.writeFile on the same bytes, the floor no S3
 * server over HTTP can beat. Checksums are left to what the operations require, so neither server pays for a
 * client's CRC the other does not.
 */
import { readFileSync } from "node:fs";
import { Agent } from "node:http";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export const CLIENTS = 16;

export interface Figures {
  /** CPU time the server process spent per operation (user + system, from /proc), when it is known. */
  cpuMsPerOp?: number;
  perSecond: number;
  mibPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export function s3Clients(endpoint: string): S3Client[] {
  return Array.from(
    { length: CLIENTS },
    () =>
      new S3Client({
        endpoint,
        region: "us-east-1",
        forcePathStyle: true,
        credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: "bench" },
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 1 }) },
      }),
  );
}

/**
 * A process's CPU time so far in ms (utime + stime of /proc/<pid>/stat, in clock ticks of 10 ms); undefined off
 * Linux. On a machine shared with other work the operations per second say as much about the others as about the
 * server; the CPU a server spends on each operation does not.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** CLIENTS workers doing `op` back to back for `seconds`; `pid` the server's process, to read its CPU time. */
export async function load(
  seconds: number,
  bytes: number,
  op: (worker: number, n: number) => Promise<unknown>,
  pid?: number,
): Promise<Figures> {
  const cpuBefore = cpuMs(pid);
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      for (let n = 0; performance.now() < end; n++) {
        const start = performance.now();
        try {
          await op(worker, n);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(pid);
  latencies.sort((a, b) => a - b);
  return {
    ...(cpuBefore !== undefined && cpuAfter !== undefined
      ? { cpuMsPerOp: (cpuAfter - cpuBefore) / latencies.length }
      : {}),
    perSecond: latencies.length / elapsed,
    mibPerSecond: (latencies.length * bytes) / elapsed / 1024 / 1024,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
    errors,
  };
}

/** One key per worker and a few rounds, so puts overwrite and gets read what was put. */
export const keyOf = (size: string, worker: number) => `bench/${size.replace(" ", "")}/w${worker}`;

export function put(client: S3Client, key: string, body: Buffer): Promise<unknown> {
  return client.send(new PutObjectCommand({ Bucket: "bench", Key: key, Body: body }));
}

export async function get(client: S3Client, key: string): Promise<number> {
  const out = await client.send(new GetObjectCommand({ Bucket: "bench", Key: key }));
  return (await out.Body!.transformToByteArray()).length;
}
