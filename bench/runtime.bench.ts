/**
 * Following steps: API calls `run()` makes to follow 256 steps to completion on the emulator, against the usual way
 * (the SDK's StepComplete waiter, workflow sensors): one DescribeStep per unfinished step per poll, at the same
 * interval, on an identical cluster in the same emulator. Goal: at most a tenth of the calls. Then the time from the
 * last step's end (its EndDateTime) to run() returning. Goal: under two poll intervals. Then what an idempotency
 * key costs (runtime/submission-calls.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  DescribeStepCommand,
  EMRClient,
  ListStepsCommand,
  type StepSummary,
} from "@aws-sdk/client-emr";
import { startEmulator } from "@emrkit/emulator";
import { run } from "@emrkit/runtime";
import { newCluster } from "./runtime/new-cluster.js";
import { submissionCalls } from "./runtime/submission-calls.js";

const STEPS = 256;
const CONCURRENCY = 32;
const POLL_MS = 100;
const TERMINAL = new Set(["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"]);

const steps = Array.from({ length: STEPS }, (_, i) => ({
  Name: `bench-${i}`,
  ActionOnFailure: "CONTINUE" as const,
  HadoopJarStep: { Jar: "command-runner.jar", Args: ["sleep", "0.25"] },
}));

async function lastEnd(client: EMRClient, clusterId: string): Promise<number> {
  let latest = 0;
  let marker: string | undefined;
  do {
    const page = await client.send(new ListStepsCommand({ ClusterId: clusterId, Marker: marker }));
    for (const step of page.Steps ?? ([] as StepSummary[])) {
      latest = Math.max(latest, step.Status?.Timeline?.EndDateTime?.getTime() ?? 0);
    }
    marker = page.Marker;
  } while (marker !== undefined);
  return latest;
}

/** The per-step waiter pattern: every poll, one DescribeStep for each step not yet terminal. */
async function describeStepPerPoll(client: EMRClient, clusterId: string): Promise<number> {
  const added = await client.send(new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: steps }));
  let unfinished = [...(added.StepIds ?? [])];
  let calls = 0;
  while (unfinished.length > 0) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const states = await Promise.all(
      unfinished.map(async (id) => {
        calls++;
        const out = await client.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: id }));
        return [id, out.Step?.Status?.State ?? ""] as const;
      }),
    );
    unfinished = states.filter(([, state]) => !TERMINAL.has(state)).map(([id]) => id);
  }
  return calls;
}

export default async function bench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "emrkit-bench-"));
  const emulator = await startEmulator({ port: 0, dataDir });
  const client = new EMRClient({
    region: "us-east-1",
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  });
  try {
    const ours = await newCluster(client, CONCURRENCY);
    const result = await run(
      { JobFlowId: ours, Steps: steps },
      { client, pollIntervalMs: POLL_MS, maxPollIntervalMs: POLL_MS * 4 },
    ).result;
    const returned = Date.now();
    const end = await lastEnd(client, ours);
    const followCalls = result.apiCalls.ListSteps ?? 0;
    const peerCalls = await describeStepPerPoll(client, await newCluster(client, CONCURRENCY));
    const rows = [
      ["emrkit run(): ListSteps (incl. preflight)", followCalls],
      ["DescribeStep per step per poll", peerCalls],
    ];
    console.log(`${STEPS} steps of sleep 0.25, concurrency ${CONCURRENCY}, poll ${POLL_MS} ms (max ${POLL_MS * 4} ms)`);
    console.log("| follower | API calls |\n|---|---:|");
    for (const [name, calls] of rows) console.log(`| ${name} | ${calls} |`);
    const ratio = followCalls / Math.max(1, peerCalls);
    console.log(`\nratio ${ratio.toFixed(3)} (goal ≤ 0.100): ${ratio <= 0.1 ? "met" : "NOT met"}`);
    const lag = returned - end;
    console.log(
      `last step end → run() returned: ${lag} ms = ${(lag / POLL_MS).toFixed(2)} poll intervals (goal < 2): ${lag < 2 * POLL_MS ? "met" : "NOT met"}`,
    );
    console.log(`all API calls of run(): ${JSON.stringify(result.apiCalls)}`);
    await submissionCalls(client, [256, 1_000]);
  } finally {
    client.destroy();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
