/**
 * Steps run in the order they were added, at most StepConcurrencyLevel at once (API reference, RunJobFlow's
 * StepConcurrencyLevel; Management Guide, "Work with steps"): a step added while the cluster's one step at a time
 * runs waits PENDING for it, then runs. Over HTTP with @aws-sdk/client-emr.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, run, settled, started, stepIn } from "./support.js";
import { tempDir } from "./temp-dir.js";

describe("a step added while another runs, at StepConcurrencyLevel 1", () => {
  it("stays PENDING until the running one ends, then runs", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 1 });
    const go = join(tempDir("emrkit-added-while-running-"), "go");
    const { StepIds: first } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("first", ["sh", "-c", `while [ ! -e '${go}' ]; do sleep 0.02; done`])],
      }),
    );
    await stepIn(client, id, first![0]!, "RUNNING");
    const { StepIds: later } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("later", ["true"])] }),
    );
    // A while for a start that should not come.
    await new Promise((r) => setTimeout(r, 300));
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: later![0]! }));
    expect(Step!.Status!.State).toBe("PENDING");
    writeFileSync(go, "");
    const steps = await settled(client, id);
    expect(steps.map((s) => s.Status!.State)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(steps[1]!.Status!.Timeline!.StartDateTime!.getTime()).toBeGreaterThanOrEqual(
      steps[0]!.Status!.Timeline!.EndDateTime!.getTime(),
    );
  });
});
