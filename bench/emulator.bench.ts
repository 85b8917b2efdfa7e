/**
 * The emulator against moto, the usual local EMR mock, under the same load: 32 concurrent clients (the real
 * @aws-sdk/client-emr) calling AddJobFlowSteps, then ListSteps, for a fixed time each; requests per second and
 * p99 latency. Goal: at least 10× moto's throughput. The steps added name a script that is not in the local S3,
 * so ours fail at once without starting a process: the figure is the endpoint's, not the machine's fork rate.
 * moto is skipped, with a message, where `python3 -m moto.server` is not available.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { AddJobFlowStepsCommand, EMRClient, ListStepsCommand, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { startEmulator } from "@emrkit/emulator";

const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const STEP = {
  Name: "bench",
  ActionOnFailure: "CONTINUE" as const,
  HadoopJarStep: {
    Jar: "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar",
    Args: ["s3://none/x.sh"],
  },
};

export default async function emulatorBench(): Promise<void> {
  const rows: Record<string, Record<string, string>> = {};
  const emulator = await startEmulator({ clusterStartupMs: 0 });
  rows.emrkit = await measure(emulator.endpoint);
  await emulator.close();
  const moto = await startMoto();
  if (moto) {
    rows.moto = await measure(moto.endpoint);
    moto.child.kill();
    const ratio = (op: string) => (Number(rows.emrkit![`${op} req/s`]) / Number(rows.moto![`${op} req/s`])).toFixed(1);
    rows["emrkit ÷ moto"] = {
      "AddJobFlowSteps req/s": `${ratio("AddJobFlowSteps")}×`,
      "ListSteps req/s": `${ratio("ListSteps")}×`,
    };
  } else {
    console.log("moto: skipped (python3 -m moto.server is not available on this machine)");
  }
  console.table(rows);
  console.log(
    `${CLIENTS} concurrent clients, ${SECONDS} s per operation; goal: at least 10× moto's requests per second`,
  );
}

async function measure(endpoint: string): Promise<Record<string, string>> {
  const client = new EMRClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    maxAttempts: 1,
  });
  const clusters = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const out = await client.send(
        new RunJobFlowCommand({ Name: `bench-${i}`, Instances: { KeepJobFlowAliveWhenNoSteps: true } }),
      );
      return out.JobFlowId!;
    }),
  );
  await new Promise((r) => setTimeout(r, 200));
  const add = await load((i) => client.send(new AddJobFlowStepsCommand({ JobFlowId: clusters[i]!, Steps: [STEP] })));
  const list = await load((i) => client.send(new ListStepsCommand({ ClusterId: clusters[i]! })));
  return {
    "AddJobFlowSteps req/s": add.perSecond.toFixed(0),
    "AddJobFlowSteps p99 ms": add.p99.toFixed(1),
    "ListSteps req/s": list.perSecond.toFixed(0),
    "ListSteps p99 ms": list.p99.toFixed(1),
  };
}

/** CLIENTS workers calling `call` back to back for SECONDS; throughput and the 99th percentile latency. */
async function load(call: (worker: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      while (performance.now() < end) {
        const start = performance.now();
        await call(worker);
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / SECONDS, p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN };
}

async function startMoto(): Promise<{ child: ChildProcess; endpoint: string } | undefined> {
  if (spawnSync("python3", ["-c", "import moto.server"]).status !== 0) return undefined;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn("python3", ["-m", "moto.server", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${endpoint}/moto-api/`).then(
        () => true,
        () => false,
      )
    )
      return { child, endpoint };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return undefined;
}
