import { readFileSync } from "node:fs";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  ListStepsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { cluster, emulator, run, settled } from "./support.js";

describe("steps over HTTP with @aws-sdk/client-emr", () => {
  it("runs command-runner steps with argument vectors, never a shell, and logs where EMR does", async () => {
    const { emu, client } = await emulator();
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("echo", ["node", "-e", "console.log(process.argv[1])", "; rm -rf ~ $(id)"])],
      }),
    );
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("COMPLETED");
    expect(readFileSync(`${emu.logRoot}/${id}/steps/${StepIds![0]}/stdout`, "utf8")).toBe("; rm -rf ~ $(id)\n");
  });

  it("CONTINUE goes on; a failure has FailureDetails pointing at its stderr", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("bad", ["node", "-e", "throw new Error('boom')"]), run("next", ["true"])],
      }),
    );
    const [bad, next] = await settled(client, id);
    expect([bad!.Status!.State, next!.Status!.State]).toEqual(["FAILED", "COMPLETED"]);
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: bad!.Id }));
    expect(readFileSync(Step!.Status!.FailureDetails!.LogFile!, "utf8")).toContain("Error: boom");
  });

  it("CANCEL_AND_WAIT cancels the pending steps and the cluster waits", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("bad", ["false"], "CANCEL_AND_WAIT"), run("next", ["true"])],
      }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["FAILED", "CANCELLED"]);
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("WAITING");
  });

  it("TERMINATE_CLUSTER cancels the rest and terminates with errors; steps are refused after", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("bad", ["false"], "TERMINATE_CLUSTER"), run("next", ["true"])],
      }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["FAILED", "CANCELLED"]);
    await new Promise((r) => setTimeout(r, 50));
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("TERMINATED_WITH_ERRORS");
    await expect(
      client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("late", ["true"])] })),
    ).rejects.toThrow(/TERMINATED/i);
  });

  it("runs up to StepConcurrencyLevel steps at once, visible in the timelines", async () => {
    const { client } = await emulator();
    const id = await cluster(client, { concurrency: 5 });
    const sleep = run("sleep", ["node", "-e", "setTimeout(() => {}, 300)"]);
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: Array.from({ length: 5 }, () => sleep) }));
    const steps = await settled(client, id);
    const starts = steps.map((s) => s.Status!.Timeline!.StartDateTime!.getTime());
    const ends = steps.map((s) => s.Status!.Timeline!.EndDateTime!.getTime());
    expect(Math.max(...starts)).toBeLessThan(Math.min(...ends));
  });

  it("pages ListSteps 50 at a time, newest first, and filters by state and id", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: Array.from({ length: 120 }, (_, i) => run(`s${i}`, ["true"])),
      }),
    );
    const first = await client.send(new ListStepsCommand({ ClusterId: id }));
    expect(first.Steps).toHaveLength(50);
    expect(first.Steps![0]!.Name).toBe("s119");
    const all = await settled(client, id);
    expect(all.map((s) => s.Name)).toEqual(Array.from({ length: 120 }, (_, i) => `s${i}`));
    const filtered = await client.send(
      new ListStepsCommand({ ClusterId: id, StepIds: [all[3]!.Id!], StepStates: ["COMPLETED"] }),
    );
    expect(filtered.Steps!.map((s) => s.Name)).toEqual(["s3"]);
  });

  it("keeps its place across pages when steps are added between them", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const batch = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => run(`s${from + i}`, ["true"]));
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: batch(0, 120) }));
    const first = await client.send(new ListStepsCommand({ ClusterId: id }));
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: batch(120, 7) }));
    const second = await client.send(new ListStepsCommand({ ClusterId: id, Marker: first.Marker }));
    const third = await client.send(new ListStepsCommand({ ClusterId: id, Marker: second.Marker }));
    const names = [first, second, third].flatMap((page) => page.Steps!.map((s) => s.Name));
    expect(names).toEqual(Array.from({ length: 120 }, (_, i) => `s${119 - i}`));
    expect(third.Marker).toBeUndefined();
    await expect(client.send(new ListStepsCommand({ ClusterId: id, Marker: "not-ours" }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });

  it("cancels pending and running steps, and refuses finished ones", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "30"]), run("pending", ["true"])] }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const answer = await client.send(
      new CancelStepsCommand({ ClusterId: id, StepIds: StepIds!, StepCancellationOption: "TERMINATE_PROCESS" }),
    );
    expect(answer.CancelStepsInfoList!.map((i) => i.Status)).toEqual(["SUBMITTED", "SUBMITTED"]);
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["CANCELLED", "CANCELLED"]);
    const again = await client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [StepIds![0]!] }));
    expect(again.CancelStepsInfoList![0]!.Status).toBe("FAILED");
  });

  it("enforces the 256 active-step limit", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    const wait = run("wait", ["sleep", "30"]);
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: Array.from({ length: 256 }, () => wait) }));
    await expect(client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [wait] }))).rejects.toThrow(
      /active steps/,
    );
  });
});
