/**
 * Small things EMR does that the emulator must do the same way: the default ActionOnFailure, the reason a cluster
 * gives when its steps are done, CANCEL_PENDING steps counted as active, ErrorCode on InvalidRequestException,
 * CANCEL_AND_WAIT and TERMINATE_CLUSTER once StepConcurrencyLevel was raised, ListClusters' date filters.
 */
import * as fs from "node:fs";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  InvalidRequestException,
  ListClustersCommand,
  ModifyClusterCommand,
  type StepConfig,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import type { JournalFs } from "../src/index.js";
import { clientFor, cluster, clusterIn, emulator, run, settled, started } from "./support.js";

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stateOf = async (client: ReturnType<typeof clientFor>, ClusterId: string, StepId: string) =>
  (await client.send(new DescribeStepCommand({ ClusterId, StepId }))).Step!.Status!.State;

describe("a step without ActionOnFailure", () => {
  it("gets CONTINUE, as the AWS CLI and console send: a failure neither cancels the rest nor ends the cluster", async () => {
    const { client } = await emulator();
    const id = await cluster(client, { concurrency: 2 });
    const bare: StepConfig = { Name: "bare", HadoopJarStep: { Jar: "command-runner.jar", Args: ["false"] } };
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [bare, run("next", ["true"])] }),
    );
    const steps = await settled(client, id);
    expect(steps.map((s) => [s.Name, s.ActionOnFailure, s.Status!.State])).toEqual([
      ["bare", "CONTINUE", "FAILED"],
      ["next", "CONTINUE", "COMPLETED"],
    ]);
    expect(StepIds).toHaveLength(2);
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("WAITING");
  });
});

describe("a cluster whose steps are done", () => {
  it("ends with StateChangeReason ALL_STEPS_COMPLETED", async () => {
    const { client } = await emulator();
    const id = await cluster(client, { keepAlive: false, steps: [run("only", ["true"])] });
    const ended = await clusterIn(client, id, "TERMINATED");
    expect(ended.Status!.StateChangeReason).toEqual({ Code: "ALL_STEPS_COMPLETED", Message: "Steps completed" });
  });
});

/** node:fs for the journal, whose fsyncs can be held back, and which says when a line with `text` is written. */
function holdingFs() {
  let held: (() => void)[] | undefined;
  let waiting: { text: string; seen: () => void } | undefined;
  const journalFs: JournalFs = {
    mkdirSync: (p, o) => fs.mkdirSync(p, o),
    existsSync: (p) => fs.existsSync(p),
    openSync: (p, f) => fs.openSync(p, f),
    readFileSync: (p) => fs.readFileSync(p),
    writeSync: (fd, buffer, offset, length) => {
      const written = fs.writeSync(fd, buffer, offset, length);
      if (waiting && Buffer.from(buffer.subarray(offset, offset + length)).includes(waiting.text)) waiting.seen();
      return written;
    },
    fsync: (fd, callback) => (held ? held.push(() => fs.fsync(fd, callback)) : fs.fsync(fd, callback)),
    fsyncSync: (fd) => fs.fsyncSync(fd),
    ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
    closeSync: (fd) => fs.closeSync(fd),
  };
  return {
    journalFs,
    hold: () => {
      held = [];
    },
    letGo: () => {
      const queued = held ?? [];
      held = undefined;
      for (const go of queued) go();
    },
    written: (text: string) => new Promise<void>((seen) => (waiting = { text, seen })),
  };
}

describe("CANCEL_PENDING steps", () => {
  it("count as active, as the emulator's own message says", async () => {
    const disk = holdingFs();
    const emu = await started({ journalFs: disk.journalFs });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const steps = [run("long", ["sleep", "30"]), ...Array.from({ length: 255 }, (_, i) => run(`p${i}`, ["true"]))];
    const { StepIds } = await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: steps }));
    await until(
      () => stateOf(client, id, StepIds![0]!),
      (s) => s === "RUNNING",
    );
    // The cancel is made (its step CANCEL_PENDING) but not yet on disk, so it cannot have become CANCELLED.
    disk.hold();
    const cancelWritten = disk.written("CANCEL_PENDING");
    const cancelling = client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [StepIds![1]!] }));
    await cancelWritten;
    const more = client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("one more", ["true"])] }));
    await expect(more).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/256 active, 1 more would exceed 256/),
    });
    disk.letGo();
    expect((await cancelling).CancelStepsInfoList).toEqual([{ StepId: StepIds![1], Status: "SUBMITTED" }]);
  });
});

describe("InvalidRequestException", () => {
  it("carries ErrorCode NoSuchCluster for an unknown cluster, on the wire and in the SDK's error", async () => {
    const { emu, client } = await emulator();
    const answer = await fetch(emu.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "ElasticMapReduce.DescribeCluster" },
      body: JSON.stringify({ ClusterId: "j-NOPE" }),
    });
    expect(await answer.json()).toEqual({
      __type: "InvalidRequestException",
      ErrorCode: "NoSuchCluster",
      Message: "Cluster id 'j-NOPE' is not valid.",
    });
    const error = await client.send(new DescribeClusterCommand({ ClusterId: "j-NOPE" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error).toMatchObject({ ErrorCode: "NoSuchCluster" });
  });
});

describe("StepConcurrencyLevel raised while a step runs (API reference, StepConfig ActionOnFailure)", () => {
  for (const action of ["CANCEL_AND_WAIT", "TERMINATE_CLUSTER"] as const) {
    it(`a failing ${action} step cancels neither the pending nor the running steps, and ends nothing`, async () => {
      const { client } = await emulator();
      const id = await cluster(client, { concurrency: 1 });
      const failing = run("failing", ["sh", "-c", "sleep 0.4; exit 1"], action);
      const added = await client.send(
        new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [failing, run("running", ["sleep", "0.8"])] }),
      );
      await until(
        () => stateOf(client, id, added.StepIds![0]!),
        (s) => s === "RUNNING",
      );
      await client.send(new ModifyClusterCommand({ ClusterId: id, StepConcurrencyLevel: 2 }));
      const later = await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("pending", ["true"])] }));
      const steps = await settled(client, id);
      expect(steps.map((s) => [s.Name, s.Status!.State])).toEqual([
        ["failing", "FAILED"],
        ["running", "COMPLETED"],
        ["pending", "COMPLETED"],
      ]);
      expect(later.StepIds).toHaveLength(1);
      const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
      expect(Cluster!.Status!.State).toBe("WAITING");
    });
  }

  it("at level 1 CANCEL_AND_WAIT still cancels the pending steps", async () => {
    const { client } = await emulator();
    const id = await cluster(client, { concurrency: 1 });
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("failing", ["false"], "CANCEL_AND_WAIT"), run("pending", ["true"])],
      }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["FAILED", "CANCELLED"]);
  });
});

describe("ListClusters", () => {
  it("honours CreatedAfter and CreatedBefore, and its summaries carry ClusterArn and NormalizedInstanceHours", async () => {
    const { client } = await emulator();
    const first = await cluster(client);
    await new Promise((r) => setTimeout(r, 50));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 50));
    const second = await cluster(client);
    const ids = async (filter: { CreatedAfter?: Date; CreatedBefore?: Date }) =>
      ((await client.send(new ListClustersCommand(filter))).Clusters ?? []).map((c) => c.Id);
    expect(await ids({})).toEqual([second, first]);
    expect(await ids({ CreatedAfter: between })).toEqual([second]);
    expect(await ids({ CreatedBefore: between })).toEqual([first]);
    expect(await ids({ CreatedAfter: new Date(Date.now() + 60_000) })).toEqual([]);
    const [summary] = (await client.send(new ListClustersCommand({}))).Clusters!;
    expect(summary).toMatchObject({
      Id: second,
      ClusterArn: `arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/${second}`,
      NormalizedInstanceHours: expect.any(Number),
    });
  });
});
