/**
 * `npx tsx --conditions=@emrkit/source bench/s3/profile.ts <put|get> <bytes> [seconds] [sdk]`: loads one S3
 * operation against the emulator run under `node --cpu-prof`, then prints where its server spent its CPU (self
 * time by function, the top 25) and the CPU per operation. The tool behind the S3 bench's CPU figures, kept to
 * look again when they move.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { rawS3 } from "./raw-s3.js";
import { cpuMs, get, keyOf, load, put, s3Clients } from "./s3-load.js";
import { emulatorS3Process } from "./s3-servers.js";

const [op = "put", bytesText = "4096", secondsText = "3", client = "bare"] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "emrkit-s3-profile-"));
// SERVE=path/to/serve.ts: another version of the emulator, to compare with.
const server = await emulatorS3Process(
  process.env.PERF
    ? ["--perf-basic-prof"]
    : process.env.STRACE || process.env.PROFILE === "0"
      ? []
      : ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  process.env.SERVE,
);
const body = randomBytes(Number(bytesText));
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const clients = s3Clients(server.endpoint);
await clients[0]!.send(new CreateBucketCommand({ Bucket: "bench" }));
const key = (w: number) => keyOf(bytesText, w);
const once = (w: number) =>
  client === "sdk"
    ? op === "put"
      ? put(clients[w]!, key(w), body)
      : get(clients[w]!, key(w))
    : rawS3(server.endpoint, agent, op === "put" ? "PUT" : "GET", key(w), op === "put" ? body : undefined);
if (op === "get") await Promise.all(clients.map((c, w) => put(c, key(w), body)));
// Warmed up first: what a server that has run a while costs, not V8 compiling its code.
await load(Number(process.env.WARMUP ?? 2), body.length, once);
// STRACE=1: the server's system calls during the load, counted and timed (strace -c -w), instead of its profile;
// PERF=1: where its user-space CPU time went (perf record on cpu-clock:u: samples only while it runs, where V8's
// profiler samples the wall clock and, on a busy machine, blames whatever was on the stack while it waited).
const pid = String(server.child.pid);
const strace = process.env.STRACE
  ? spawn("strace", ["-f", "-c", "-w", "-p", pid], { stdio: ["ignore", "inherit", "inherit"] })
  : process.env.PERF
    ? spawn("perf", ["record", "-e", "cpu-clock:u", "-F", "2000", "-o", join(dir, "perf.data"), "-p", pid], {
        stdio: ["ignore", "inherit", "inherit"],
      })
    : undefined;
if (strace) await new Promise((r) => setTimeout(r, 500));
const before = cpuMs(server.child.pid);
const figures = await load(Number(secondsText), body.length, once, server.child.pid);
const ticks = (pid: number | undefined) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
console.log({
  ...figures,
  cpuMs: (cpuMs(server.child.pid) ?? 0) - (before ?? 0),
  userSysTicks: ticks(server.child.pid).slice(11, 13),
});
if (strace) {
  strace.kill("SIGINT");
  await new Promise((r) => strace.once("exit", r));
}
if (process.env.PERF) {
  // Where the server's user-space CPU went, by symbol (JIT frames named through --perf-basic-prof's map).
  const report = spawn("perf", ["report", "-i", join(dir, "perf.data"), "--stdio", "--sort", "dso,symbol"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let text = "";
  report.stdout!.on("data", (c: Buffer) => {
    text += c.toString("utf8");
  });
  await new Promise((r) => report.once("exit", r));
  // --perf-basic-prof leaves its symbol map in /tmp and V8's logs in the working directory.
  rmSync(`/tmp/perf-${pid}.map`, { force: true });
  for (const log of readdirSync(".").filter((f) => f.startsWith("isolate-") && f.endsWith(`-${pid}-v8.log`)))
    rmSync(log, { force: true });
  console.log(
    text
      .split("\n")
      .filter((l) => /^\s+\d/.test(l))
      .slice(0, 40)
      .join("\n"),
  );
}
server.stop();
await new Promise((r) => server.child.once("exit", r));
for (const c of clients) c.destroy();
agent.destroy();

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
if (file) {
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url.replace(/.*\/(packages|node_modules)\//, "")}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  // Inclusive time of the emulator's own functions: a sample counts once for each of them on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (Node & { children?: number[] })[])
    for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (!f.url.includes("/emulator/src/")) continue;
      const name = `${f.functionName || "(anonymous)"} ${f.url.replace(/.*\/emulator\/src\//, "")}:${f.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  console.log("inclusive, the emulator's functions:");
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  console.log("self:");
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}
rmSync(dir, { recursive: true, force: true });
