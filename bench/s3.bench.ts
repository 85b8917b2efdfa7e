/**
 * The local S3 endpoint's speed: GetObject and PutObject of 4 KB and 16 MB objects under 16 concurrent SDK v3
 * clients, side by side in one run with moto's S3 server (the usual local S3 mock, `python3 -m moto.server`) and
 * with the floor of fs.readFile/fs.writeFile of the same bytes by 16 concurrent workers in this process.
 * Goals: at least 10× moto's operations per second, and within 3× of the floor's time for 16 MB objects. Each
 * server is also loaded with the same requests as bare HTTP (raw-s3.ts), where the SDK's own cost per request,
 * the same for both, does not hide the servers'.
 * With clients in the bench's process their own cost caps what any server can reach: the same loads against a
 * server that touches no disk (null-s3.ts) say where that cap is.
 * moto is skipped, with a message, where it is not installed.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { motoProcess, type ServerProcess } from "./emulator/servers.js";
import { nullS3Process } from "./s3/null-s3.js";
import { rawS3 } from "./s3/raw-s3.js";
import { CLIENTS, type Figures, get, keyOf, load, put, s3Clients } from "./s3/s3-load.js";
import { emulatorS3Process } from "./s3/s3-servers.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SIZES = { "4 KB": 4 * 1024, "16 MB": 16 * 1024 * 1024 } as const;
type Row = Record<string, Figures>;

export default async function s3Bench(): Promise<void> {
  const bodies = Object.fromEntries(Object.entries(SIZES).map(([name, n]) => [name, randomBytes(n)])) as Record<
    keyof typeof SIZES,
    Buffer
  >;
  const rows: Record<string, Row> = {};
  const emulator = await emulatorS3Process();
  rows.emrkit = await measure(emulator, bodies);
  rows["emrkit, bare HTTP"] = await measureRaw(emulator, bodies);
  emulator.stop();
  const moto = await motoProcess();
  if (moto) {
    rows.moto = await measure(moto, bodies);
    rows["moto, bare HTTP"] = await measureRaw(moto, bodies);
    moto.stop();
  } else {
    console.log("moto: skipped (python3 -m moto.server is not available on this machine)");
  }
  // The clients' own cap: the same clients against a server that touches no disk (null-s3.ts).
  const none = await nullS3Process();
  rows["no-disk server (clients' cap)"] = await measure(none, bodies);
  rows["no-disk server, bare HTTP"] = await measureRaw(none, bodies);
  none.stop();
  rows["fs floor"] = await floor(bodies);
  const table: Record<string, Record<string, string>> = {};
  for (const [name, row] of Object.entries(rows)) {
    table[name] = {};
    for (const [op, f] of Object.entries(row)) {
      table[name][`${op} op/s`] = f.perSecond.toFixed(op.includes("16 MB") ? 1 : 0);
      table[name][`${op} p99 ms`] = f.p99.toFixed(1);
      if (f.cpuMsPerOp !== undefined) table[name][`${op} cpu ms/op`] = f.cpuMsPerOp.toFixed(2);
    }
  }
  const ratio = (a: Row, b: Row, op: string) => `${(a[op]!.perSecond / b[op]!.perSecond).toFixed(1)}×`;
  const ratios = (name: string, a: string, b: string) => {
    if (!rows[a] || !rows[b]) return;
    table[name] = Object.fromEntries(Object.keys(rows[a]).map((op) => [`${op} op/s`, ratio(rows[a]!, rows[b]!, op)]));
  };
  ratios("emrkit ÷ moto, SDK", "emrkit", "moto");
  ratios("emrkit ÷ moto, bare HTTP", "emrkit, bare HTTP", "moto, bare HTTP");
  ratios("fs floor ÷ emrkit, SDK", "fs floor", "emrkit");
  ratios("fs floor ÷ emrkit, bare HTTP", "fs floor", "emrkit, bare HTTP");
  ratios("clients' cap ÷ moto, SDK", "no-disk server (clients' cap)", "moto");
  ratios("clients' cap ÷ moto, bare HTTP", "no-disk server, bare HTTP", "moto, bare HTTP");
  const cpuRatio = (name: string, a: string, b: string) => {
    if (!rows[a] || !rows[b]) return;
    table[name] = Object.fromEntries(
      Object.keys(rows[a]).map((op) => [
        `${op} cpu ms/op`,
        `${(rows[b]![op]!.cpuMsPerOp! / rows[a]![op]!.cpuMsPerOp!).toFixed(1)}×`,
      ]),
    );
  };
  cpuRatio("moto's CPU per op ÷ emrkit's, SDK", "emrkit", "moto");
  cpuRatio("moto's CPU per op ÷ emrkit's, bare HTTP", "emrkit, bare HTTP", "moto, bare HTTP");
  console.table(table);
  const errors = Object.entries(rows).flatMap(([name, row]) =>
    Object.entries(row)
      .filter(([, f]) => f.errors > 0)
      .map(([op, f]) => `${name} ${op}: ${f.errors}`),
  );
  if (errors.length > 0) console.log(`error answers under load: ${errors.join(", ")}`);
  console.log(
    `${CLIENTS} concurrent clients, ${SECONDS} s per operation; goals: at least 10× moto's op/s, and the fs floor ÷ emrkit at most 3× for 16 MB`,
  );
}

async function measure(server: ServerProcess, bodies: Record<keyof typeof SIZES, Buffer>): Promise<Row> {
  const clients = s3Clients(server.endpoint);
  await clients[0]!.send(new CreateBucketCommand({ Bucket: "bench" }));
  const row: Row = {};
  for (const [size, body] of Object.entries(bodies)) {
    const putOne = (w: number) => put(clients[w]!, keyOf(size, w), body);
    const getOne = (w: number) => get(clients[w]!, keyOf(size, w));
    await warmUp(body.length, putOne, getOne);
    row[`Put ${size}`] = await load(SECONDS, body.length, putOne, server.child.pid);
    row[`Get ${size}`] = await load(SECONDS, body.length, getOne, server.child.pid);
  }
  for (const c of clients) c.destroy();
  return row;
}

/** The same operations as bare HTTP (raw-s3.ts), CLIENTS keep-alive connections. */
async function measureRaw(server: ServerProcess, bodies: Record<keyof typeof SIZES, Buffer>): Promise<Row> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const row: Row = {};
  for (const [size, body] of Object.entries(bodies)) {
    const pid = server.child.pid;
    const putOne = (w: number) => rawS3(server.endpoint, agent, "PUT", keyOf(size, w), body);
    const getOne = (w: number) => rawS3(server.endpoint, agent, "GET", keyOf(size, w));
    await warmUp(body.length, putOne, getOne);
    row[`Put ${size}`] = await load(SECONDS, body.length, putOne, pid);
    row[`Get ${size}`] = await load(SECONDS, body.length, getOne, pid);
  }
  agent.destroy();
  return row;
}

/**
 * Half a second of puts then gets, not counted: a server that has run a while is measured, not V8 compiling the
 * emulator's code (profiled: V8's compiler and unoptimised code led a cold 3 s run of small puts) nor moto's first
 * requests.
 */
async function warmUp(bytes: number, ...ops: ((w: number) => Promise<unknown>)[]): Promise<void> {
  for (const op of ops) await load(0.5, bytes, op);
}

async function floor(bodies: Record<keyof typeof SIZES, Buffer>): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), "emrkit-s3-bench-"));
  try {
    const row: Row = {};
    for (const [size, body] of Object.entries(bodies)) {
      const file = (w: number) => join(dir, `${size.replace(" ", "")}-w${w}`);
      row[`Put ${size}`] = await load(SECONDS, body.length, (w) => writeFile(file(w), body));
      row[`Get ${size}`] = await load(SECONDS, body.length, (w) => readFile(file(w)));
    }
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
