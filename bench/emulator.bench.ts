/**
 * The emulator's speed, in three figures:
 * 1. Requests per second and p99 latency for AddJobFlowSteps and ListSteps under 32 concurrent clients, side by
 *    side with moto's server (the usual local EMR mock) under the same load in the same run. Both are processes of
 *    their own and get the same bytes. Goal: at least 10× moto's throughput. The steps added name a script that
 *    is not in the local S3, so ours fail at once (logs written, no process started); moto only records them.
 * 2. How long a step waits between its turn coming (the step before it ended) and its process running, and that
 *    wait over a plain spawn's measured in the same run (`emulator/step-start.ts`). Goal: under 10 ms.
 * 3. The emulator's resident memory with 100,000 steps stored.
 * moto is skipped, with a message, where `python3 -m moto.server` is not available.
 */
import { Agent } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startEmulator } from "@emrkit/emulator";
import { CLIENTS, call, load } from "./emulator/http-load.js";
import { emulatorProcess, motoProcess, type ServerProcess } from "./emulator/servers.js";
import { stepStartLatency } from "./emulator/step-start.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const FAILS_AT_ONCE = {
  Name: "bench",
  ActionOnFailure: "CONTINUE",
  HadoopJarStep: {
    Jar: "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar",
    Args: ["s3://none/x.sh", "--day", "2026-11-25"],
  },
};

export default async function emulatorBench(): Promise<void> {
  await throughput();
  await stepStartLatency();
  await memoryWith100kSteps();
}

async function throughput(): Promise<void> {
  const rows: Record<string, Record<string, string>> = {};
  for (const mode of ["queue", "run"] as const) {
    const emulator = await emulatorProcess();
    rows[mode === "queue" ? "emrkit, steps queue" : "emrkit, steps run at once"] = await measure(emulator, mode);
    emulator.stop();
  }
  const moto = await motoProcess();
  if (moto) {
    rows.moto = await measure(moto, "queue");
    moto.stop();
    const ratio = (row: string, op: string) =>
      `${(Number(rows[row]![`${op} req/s`]) / Number(rows.moto![`${op} req/s`])).toFixed(1)}×`;
    for (const row of ["emrkit, steps queue", "emrkit, steps run at once"]) {
      rows[`${row} ÷ moto`] = {
        "AddJobFlowSteps req/s": ratio(row, "AddJobFlowSteps"),
        "ListSteps req/s": ratio(row, "ListSteps"),
      };
    }
  } else {
    console.log("moto: skipped (python3 -m moto.server is not available on this machine)");
  }
  console.table(rows);
  console.log(
    `${CLIENTS} concurrent clients, ${SECONDS} s per operation; goal: at least 10× moto's requests per second`,
  );
}

/**
 * "queue": each client adds to its own 4 clusters, whose first step runs for as long as the bench, so the steps it
 * adds wait their turn as on a busy cluster (what moto does with every step). "run": the clusters run 256 steps at
 * once and the steps added fail at once, so each add also costs a step's start, its logs and its end.
 */
async function measure(server: ServerProcess, mode: "queue" | "run"): Promise<Record<string, string>> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const busy = {
    Name: "busy",
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: { Jar: "command-runner.jar", Args: ["sleep", "600"] },
  };
  const clusters: string[] = [];
  for (let i = 0; i < CLIENTS * 4; i++) {
    const made = await call(server.endpoint, agent, "RunJobFlow", {
      Name: `bench-${i}`,
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
      ...(mode === "queue" ? { Steps: [busy] } : { StepConcurrencyLevel: 256 }),
    });
    clusters.push(String(made.body.JobFlowId));
  }
  await new Promise((r) => setTimeout(r, 300));
  let turn = 0;
  const cluster = (worker: number) => clusters[worker * 4 + (turn++ % 4)];
  const add = await load(SECONDS, (i) =>
    call(server.endpoint, agent, "AddJobFlowSteps", { JobFlowId: cluster(i), Steps: [FAILS_AT_ONCE] }),
  );
  const list = await load(SECONDS, (i) => call(server.endpoint, agent, "ListSteps", { ClusterId: cluster(i) }));
  await call(server.endpoint, agent, "TerminateJobFlows", { JobFlowIds: clusters });
  agent.destroy();
  if (add.errors + list.errors > 0) console.log(`${add.errors + list.errors} error answers under load`);
  return {
    "AddJobFlowSteps req/s": add.perSecond.toFixed(0),
    "AddJobFlowSteps p99 ms": add.p99.toFixed(1),
    "ListSteps req/s": list.perSecond.toFixed(0),
    "ListSteps p99 ms": list.p99.toFixed(1),
  };
}

/**
 * 100,000 steps added 256 at a time to clusters that run 256 at once (they fail at once, so each is stored with
 * its FailureDetails), then the heap after a full collection, against the heap before.
 */
async function memoryWith100kSteps(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const emulator = await startEmulator({ clusterStartupMs: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const steps = Array.from({ length: 256 }, () => FAILS_AT_ONCE);
  let stored = 0;
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      const made = await call(emulator.endpoint, agent, "RunJobFlow", {
        Name: `memory-${worker}`,
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        StepConcurrencyLevel: 256,
      });
      while (stored < 100_000) {
        const added = await call(emulator.endpoint, agent, "AddJobFlowSteps", {
          JobFlowId: made.body.JobFlowId,
          Steps: steps,
        });
        if (added.status === 200) stored += 256;
        else await new Promise((r) => setTimeout(r, 20)); // the 256-active limit: wait for room
      }
    }),
  );
  agent.destroy();
  await new Promise((r) => setTimeout(r, 2000));
  gc();
  const after = process.memoryUsage().heapUsed;
  await emulator.close();
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `memory: ${stored} steps stored take ${mib(after - before)} MiB of heap, ${((after - before) / stored).toFixed(0)} bytes a step (rss ${mib(process.memoryUsage().rss)} MiB)`,
  );
}
