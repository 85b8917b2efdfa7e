/**
 * A cluster's way from RunJobFlow to running steps, over HTTP with @aws-sdk/client-emr, on an emulator whose
 * clusters take long enough to start to be watched: STARTING, then BOOTSTRAPPING, then ready (Management Guide,
 * "Understanding the cluster lifecycle": steps run once the cluster is RUNNING or WAITING, after bootstrap actions).
 * Steps added and a StepConcurrencyLevel raised before that wait for it; raised later, it starts pending steps at
 * once; a cluster terminated while it starts never becomes ready.
 */
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  type EMRClient,
  ModifyClusterCommand,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, clusterIn, run, settled, started, stepIn } from "./support.js";

const STARTUP_MS = 1_200;

async function stepState(client: EMRClient, ClusterId: string, StepId: string) {
  return (await client.send(new DescribeStepCommand({ ClusterId, StepId }))).Step!.Status!;
}

describe("a cluster starting", () => {
  it("is STARTING, then BOOTSTRAPPING, then ready; what it was given meanwhile waits for it", async () => {
    const emu = await started({ clusterStartupMs: STARTUP_MS });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 1 });
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("first", ["true"]), run("second", ["true"])] }),
    );
    await client.send(new ModifyClusterCommand({ ClusterId: id, StepConcurrencyLevel: 2 }));
    const seen: string[] = [];
    for (;;) {
      const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
      const state = Cluster!.Status!.State!;
      if (seen.at(-1) !== state) seen.push(state);
      if (state === "STARTING" || state === "BOOTSTRAPPING") {
        // Neither the steps added nor the level raised starts anything before the cluster is ready. The cluster is
        // read again after its steps: ready in between (a loaded machine), it may rightly have started them.
        const states = await Promise.all(StepIds!.map(async (s) => (await stepState(client, id, s)).State));
        const after = (await client.send(new DescribeClusterCommand({ ClusterId: id }))).Cluster!.Status!.State!;
        if (after === "STARTING" || after === "BOOTSTRAPPING") expect(states).toEqual(["PENDING", "PENDING"]);
      }
      if (state === "WAITING" || Date.now() - Cluster!.Status!.Timeline!.CreationDateTime!.getTime() > 20_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.slice(0, 2)).toEqual(["STARTING", "BOOTSTRAPPING"]);
    expect(seen.at(-1)).toBe("WAITING");
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    const ready = Cluster!.Status!.Timeline!.ReadyDateTime!;
    expect(ready.getTime() - Cluster!.Status!.Timeline!.CreationDateTime!.getTime()).toBeGreaterThanOrEqual(
      STARTUP_MS - 1_000,
    );
    const steps = await settled(client, id);
    expect(steps.map((s) => s.Status!.State)).toEqual(["COMPLETED", "COMPLETED"]);
    for (const s of steps) expect(s.Status!.Timeline!.StartDateTime!.getTime()).toBeGreaterThanOrEqual(ready.getTime());
  });

  it("terminated before it was ready: it ends TERMINATED by the user, never ready, its steps never started", async () => {
    const emu = await started({ clusterStartupMs: STARTUP_MS });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { steps: [run("never", ["true"])] });
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await clusterIn(client, id, "TERMINATED");
    // Past the moment it would have been ready.
    await new Promise((r) => setTimeout(r, STARTUP_MS + 200));
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("TERMINATED");
    expect(Cluster!.Status!.StateChangeReason).toEqual({ Code: "USER_REQUEST", Message: "Terminated by user request" });
    expect(Cluster!.Status!.Timeline!.ReadyDateTime).toBeUndefined();
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("CANCELLED");
    expect(step!.Status!.Timeline!.StartDateTime).toBeUndefined();
  });
});

describe("StepConcurrencyLevel raised on a ready cluster", () => {
  it("starts the pending steps it makes room for at once, beside the one that runs", async () => {
    const emu = await started({ clusterStartupMs: 10 });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 1 });
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "30"]), run("next", ["true"])] }),
    );
    const [long, next] = StepIds!;
    await stepIn(client, id, long!, "RUNNING");
    await client.send(new ModifyClusterCommand({ ClusterId: id, StepConcurrencyLevel: 2 }));
    await stepIn(client, id, next!, "COMPLETED");
    expect((await stepState(client, id, long!)).State).toBe("RUNNING");
    await client.send(
      new CancelStepsCommand({ ClusterId: id, StepIds: [long!], StepCancellationOption: "TERMINATE_PROCESS" }),
    );
    expect((await stepIn(client, id, long!, "CANCELLED")).State).toBe("CANCELLED");
  });
});

describe("a cluster that has ended", () => {
  it("TerminateJobFlows changes nothing of it: its state, its reason and its end stay as they were", async () => {
    const emu = await started({ clusterStartupMs: 10 });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { steps: [run("fails", ["false"], "TERMINATE_CLUSTER")] });
    const ended = await clusterIn(client, id, "TERMINATED_WITH_ERRORS");
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    // Longer than a termination takes to end (engine.ts: 10 ms after the steps' processes are gone).
    await new Promise((r) => setTimeout(r, 200));
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status).toEqual(ended.Status);
    expect(Cluster!.Status!.StateChangeReason!.Code).toBe("STEP_FAILURE");
  });
});
