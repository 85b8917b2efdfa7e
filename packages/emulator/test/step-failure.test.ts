/**
 * What a failed step says about itself, over HTTP with @aws-sdk/client-emr: DescribeStep's FailureDetails (EMR's
 * Reason when it cannot tell why is "Unknown Error."; a guess that the emulator's is always that, its own Message
 * saying how the program ended) and a step whose program could not be started at all because its log directory
 * could not be made.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, run, settled, started } from "./support.js";

describe("a failed step's FailureDetails", () => {
  it("a program that exits 1: Unknown Error., the exit code, and its stderr log", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("fails", ["sh", "-c", "exit 1"])] }),
    );
    await settled(client, id);
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: StepIds![0] }));
    expect(Step!.Status!.State).toBe("FAILED");
    expect(Step!.Status!.FailureDetails).toEqual({
      Reason: "Unknown Error.",
      Message: "Step failed with exitCode 1",
      LogFile: join(emu.logRoot, id, "steps", StepIds![0]!, "stderr"),
    });
  });

  it("a step whose log directory cannot be made ends FAILED, saying why, and the queue goes on to the next", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    // Where the cluster's log folder goes, a file: no step log directory can be made under it.
    mkdirSync(emu.logRoot, { recursive: true });
    writeFileSync(join(emu.logRoot, id), "not a folder\n");
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("no logs", ["true"]), run("next", ["true"])] }),
    );
    const [first, next] = await settled(client, id);
    expect([first!.Status!.State, next!.Status!.State]).toEqual(["FAILED", "FAILED"]);
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: StepIds![0] }));
    const { LogFile, ...details } = Step!.Status!.FailureDetails!;
    expect(details).toEqual({
      Reason: "Unknown Error.",
      Message: expect.stringMatching(/^cannot run step: (ENOTDIR|EEXIST): .*mkdir/),
    });
    // There is no log to point at (given as "", or left out).
    expect(LogFile ?? "").toBe("");
  });
});
