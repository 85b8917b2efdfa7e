/**
 * What a step and its cluster say about why they changed state (StateChangeReason, CancelStepsInfoList's Reason, a
 * ValidationException's message): what the console, `aws emr describe-step` and a pipeline's log show a person.
 * The active-step limit's message starts with EMR's words (the counts after them are the emulator's); the other
 * reasons are the emulator's own (engine.ts), as EMR documents none.
 */
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeStepCommand,
  type EMRClient,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { cluster, clusterIn, emulator, run, settled } from "./support.js";

async function reasonOf(client: EMRClient, ClusterId: string, StepId: string) {
  const { Step } = await client.send(new DescribeStepCommand({ ClusterId, StepId }));
  return { state: Step!.Status!.State, reason: Step!.Status!.StateChangeReason?.Message };
}

async function untilRunning(client: EMRClient, ClusterId: string, StepId: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if ((await reasonOf(client, ClusterId, StepId)).state === "RUNNING") return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${StepId} never ran`);
}

/** A cluster running one long step, with one more queued behind it. */
async function runningAndQueued() {
  const { client } = await emulator();
  const id = await cluster(client);
  const { StepIds } = await client.send(
    new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "30"]), run("queued", ["true"])] }),
  );
  const [running, pending] = StepIds as [string, string];
  await untilRunning(client, id, running);
  return { client, id, running, pending };
}

describe("why a step changed state", () => {
  it("a step cancelled while pending or while running says the user cancelled it", async () => {
    const { client, id, running, pending } = await runningAndQueued();
    await client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [running, pending] }));
    await settled(client, id);
    expect(await reasonOf(client, id, running)).toEqual({ state: "CANCELLED", reason: "Cancelled by user" });
    expect(await reasonOf(client, id, pending)).toEqual({ state: "CANCELLED", reason: "Cancelled by user" });
  });

  it("steps a terminated cluster never finished, running or pending, end CANCELLED because of it", async () => {
    const { client, id, running, pending } = await runningAndQueued();
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await settled(client, id);
    expect(await reasonOf(client, id, running)).toEqual({ state: "CANCELLED", reason: "Cluster terminated" });
    expect(await reasonOf(client, id, pending)).toEqual({ state: "CANCELLED", reason: "Cluster terminated" });
    const ended = await clusterIn(client, id, "TERMINATED");
    expect(ended.Status!.StateChangeReason).toEqual({ Code: "USER_REQUEST", Message: "Terminated by user request" });
  });

  it("a step that has ended cannot be cancelled, and the answer says which state it is in", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("quick", ["true"])] }),
    );
    await settled(client, id);
    const { CancelStepsInfoList } = await client.send(new CancelStepsCommand({ ClusterId: id, StepIds }));
    expect(CancelStepsInfoList).toEqual([
      {
        StepId: StepIds![0],
        Status: "FAILED",
        Reason: `Step ${StepIds![0]} is in state COMPLETED and cannot be cancelled.`,
      },
    ]);
  });
});

describe("why a cluster changed state", () => {
  it("a kept-alive cluster with nothing left to run waits, ready to run steps", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const waiting = await clusterIn(client, id, "WAITING");
    expect(waiting.Status!.StateChangeReason).toEqual({ Message: "Cluster ready to run steps." });
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("quick", ["true"])] }));
    await settled(client, id);
    expect((await clusterIn(client, id, "WAITING")).Status!.StateChangeReason).toEqual({
      Message: "Cluster ready to run steps.",
    });
  });
});

describe("what AddJobFlowSteps refuses, in EMR's words", () => {
  it("steps past 256 active, counting those already there: 256 fit, one more does not", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const wait = run("wait", ["sleep", "30"]);
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: Array.from({ length: 250 }, () => wait) }));
    await expect(
      client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: Array.from({ length: 10 }, () => wait) })),
    ).rejects.toMatchObject({
      name: "ValidationException",
      message:
        "Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded: 250 active, 10 more would exceed 256.",
    });
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: Array.from({ length: 6 }, () => wait) }));
    await expect(client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [wait] }))).rejects.toMatchObject({
      message: expect.stringContaining(": 256 active, 1 more would exceed 256."),
    });
  });
});
