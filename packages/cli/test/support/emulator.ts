import {
  type ClusterState,
  DescribeClusterCommand,
  EMRClient,
  ListStepsCommand,
  RunJobFlowCommand,
  type StepSummary,
} from "@aws-sdk/client-emr";
import { type EmulatorHandle, startEmulator } from "@emrkit/emulator";
import { afterAll, beforeAll } from "vitest";
import { builtCli } from "./built-cli.js";

/** What `submit --cluster` signs with against an emulator that checks no signature, in its region. */
export const TEST_KEYS = { AWS_ACCESS_KEY_ID: "AKIDX", AWS_SECRET_ACCESS_KEY: "x", AWS_REGION: "us-east-1" };

export const TEST_CREDENTIALS = { accessKeyId: "AKIDEMRKITTEST", secretAccessKey: "emrkit-test-secret" };

export interface TestCluster {
  emulator: EmulatorHandle;
  endpoint: string;
  clusterId: string;
  client: EMRClient;
  /** Every step of the cluster, oldest first. */
  steps(): Promise<StepSummary[]>;
}

/**
 * An emulator in the test's process, with a cluster waiting for steps, that `emrkit submit --cluster … --endpoint …`
 * runs against as against EMR. The caller closes it (`emulator.close()`), which removes its data.
 */
export async function testCluster({
  region = "us-east-1",
  verifySignatures = false,
  stepConcurrencyLevel = 1,
}: {
  region?: string;
  verifySignatures?: boolean;
  stepConcurrencyLevel?: number;
} = {}): Promise<TestCluster> {
  const emulator = await startEmulator(verifySignatures ? { verifySignatures: TEST_CREDENTIALS } : {});
  const client = new EMRClient({ region, endpoint: emulator.endpoint, credentials: TEST_CREDENTIALS });
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "cli-test",
      ReleaseLabel: "emr-7.5.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
      StepConcurrencyLevel: stepConcurrencyLevel,
    }),
  );
  const clusterId = JobFlowId!;
  for (let state: ClusterState | undefined; state !== "WAITING"; ) {
    await new Promise((r) => setTimeout(r, 20));
    state = (await client.send(new DescribeClusterCommand({ ClusterId: clusterId }))).Cluster?.Status?.State;
  }
  return {
    emulator,
    endpoint: emulator.endpoint,
    clusterId,
    client,
    async steps() {
      const all: StepSummary[] = [];
      for (let marker: string | undefined, first = true; first || marker; first = false) {
        const page = await client.send(
          new ListStepsCommand({ ClusterId: clusterId, ...(marker ? { Marker: marker } : {}) }),
        );
        all.push(...(page.Steps ?? []));
        marker = page.Marker;
      }
      return all.reverse();
    },
  };
}

/**
 * A test file's cluster, made (with the built CLI) before its first test and closed after its last; `submitArgs`
 * is `submit … --cluster <it> --endpoint <its emulator> --poll-interval 0.1`.
 */
export function sharedCluster(): { readonly cluster: TestCluster; submitArgs(...args: string[]): string[] } {
  let cluster: TestCluster | undefined;
  beforeAll(async () => {
    // Ten at once, so that tests running side by side do not queue behind each other's steps.
    [cluster] = await Promise.all([testCluster({ stepConcurrencyLevel: 10 }), builtCli()]);
  });
  afterAll(() => cluster?.emulator.close());
  const ready = () => {
    if (cluster === undefined) throw new Error("sharedCluster: used before its beforeAll");
    return cluster;
  };
  return {
    get cluster() {
      return ready();
    },
    submitArgs: (...args) => {
      const { clusterId, endpoint } = ready();
      return ["submit", ...args, "--cluster", clusterId, "--endpoint", endpoint, "--poll-interval", "0.1"];
    },
  };
}
