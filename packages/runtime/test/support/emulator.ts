import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMRClient, RunJobFlowCommand, type StepSummary } from "@aws-sdk/client-emr";
import { type EmulatorHandle, startEmulator } from "@emrkit/emulator";
import { afterEach } from "vitest";
import { allSteps } from "./all-steps.js";

/** A real EMR client for a local endpoint (the emulator, a proxy in front of it) with test credentials. */
export function clientFor(endpoint: string): EMRClient {
  return new EMRClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

/** A fresh emulator on 127.0.0.1:0 with its own data directory, a real EMR client for it, and a way to make clusters. */
export async function openEmulator(): Promise<{
  emulator: EmulatorHandle;
  client: EMRClient;
  cluster: (options?: { concurrency?: number; logUri?: string }) => Promise<string>;
  allSteps: (clusterId: string) => Promise<StepSummary[]>;
  close: () => Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), "emrkit-runtime-"));
  // A start that fails (a port taken) must not leave the data directory behind.
  const emulator = await startEmulator({ port: 0, dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const client = clientFor(emulator.endpoint);
  return {
    emulator,
    client,
    async cluster(options = {}) {
      const out = await client.send(
        new RunJobFlowCommand({
          Name: "runtime-test",
          ReleaseLabel: "emr-7.1.0",
          Instances: { InstanceCount: 1, MasterInstanceType: "m5.xlarge", KeepJobFlowAliveWhenNoSteps: true },
          JobFlowRole: "EMR_EC2_DefaultRole",
          ServiceRole: "EMR_DefaultRole",
          StepConcurrencyLevel: options.concurrency ?? 1,
          ...(options.logUri === undefined ? {} : { LogUri: options.logUri }),
        }),
      );
      return out.JobFlowId ?? "";
    },
    allSteps: (clusterId) => allSteps(client, clusterId),
    async close() {
      client.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const command = (Name: string, ...Args: string[]) => ({
  Name,
  ActionOnFailure: "CONTINUE" as const,
  HadoopJarStep: { Jar: "command-runner.jar", Args },
});

export type Opened = Awaited<ReturnType<typeof openEmulator>>;

/** Gives each test its own emulator, closed after it. */
export function emulatorPerTest(): () => Promise<Opened> {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  return async () => {
    opened = await openEmulator();
    return opened;
  };
}

/** Polls and retries fast enough for tests. */
export const fast = {
  pollIntervalMs: 20,
  maxPollIntervalMs: 60,
  retry: { attempts: 10, baseDelayMs: 5, maxDelayMs: 40 },
};
