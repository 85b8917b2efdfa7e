import {
  type Cluster,
  DescribeClusterCommand,
  DescribeStepCommand,
  EMRClient,
  ListStepsCommand,
  RunJobFlowCommand,
  type StepConfig,
  type StepStatus,
  type StepSummary,
} from "@aws-sdk/client-emr";
import { afterEach } from "vitest";
import { type EmulatorHandle, type EmulatorOptions, startEmulator } from "../src/index.js";

const open: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

export function clientFor(endpoint: string): EMRClient {
  return new EMRClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

/** An emulator started with these options and closed after the test. */
export async function started(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const emu = await startEmulator({ clusterStartupMs: 10, ...options });
  open.push(emu);
  return emu;
}

/**
 * A fresh emulator (closed after the test) and a real EMR client for it; by default on a temporary data directory
 * of its own, which closing removes.
 */
export async function emulator(dataDir?: string) {
  const emu = await started(dataDir === undefined ? {} : { dataDir });
  return { emu, client: clientFor(emu.endpoint) };
}

export async function cluster(
  client: EMRClient,
  options: { concurrency?: number; keepAlive?: boolean; steps?: StepConfig[] } = {},
) {
  const out = await client.send(
    new RunJobFlowCommand({
      Name: "test",
      ReleaseLabel: "emr-7.0.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: options.keepAlive ?? true },
      StepConcurrencyLevel: options.concurrency ?? 1,
      Steps: options.steps ?? [],
    }),
  );
  return out.JobFlowId!;
}

export const run = (
  name: string,
  argv: string[],
  onFailure: StepConfig["ActionOnFailure"] = "CONTINUE",
): StepConfig => ({
  Name: name,
  ActionOnFailure: onFailure,
  HadoopJarStep: { Jar: "command-runner.jar", Args: argv },
});

/** Polls ListSteps until every step is terminal. */
export async function settled(client: EMRClient, clusterId: string): Promise<StepSummary[]> {
  for (;;) {
    const steps: StepSummary[] = [];
    let Marker: string | undefined;
    do {
      const page = await client.send(new ListStepsCommand({ ClusterId: clusterId, Marker }));
      steps.push(...(page.Steps ?? []));
      Marker = page.Marker;
    } while (Marker);
    if (steps.every((s) => ["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"].includes(s.Status!.State!)))
      return steps.reverse();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls DescribeStep until the step is in `state` (20 s at most); gives back its status then. */
export async function stepIn(client: EMRClient, ClusterId: string, StepId: string, state: string): Promise<StepStatus> {
  for (let tries = 0; tries < 1_000; tries++) {
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId, StepId }));
    if (Step!.Status!.State === state) return Step!.Status!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${StepId} never was ${state}`);
}

/** Polls DescribeCluster until the cluster is in `state`; gives back what it last said. */
export async function clusterIn(client: EMRClient, ClusterId: string, state: string): Promise<Cluster> {
  for (;;) {
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId }));
    if (Cluster!.Status!.State === state) return Cluster!;
    await new Promise((r) => setTimeout(r, 20));
  }
}
