/**
 * A step's program starts only once its RUNNING is on disk (engine.ts: nothing leaves the process before the
 * journal has it). A cluster terminated in that gap, its TERMINATING made while the step's RUNNING still waits for
 * its fsync, must not then start the program: the step ends CANCELLED because of the cluster, its program never
 * run. The same for a step cancelled in that gap: it ends CANCELLED by the user, its program never run. Over HTTP with @aws-sdk/client-emr, on node:fs for the journal with the fsync of the step's start held back.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, CancelStepsCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { heldFsyncs } from "./held-fsyncs.js";
import { clientFor, cluster, clusterIn, run, settled, started, stepIn } from "./support.js";
import { tempDir } from "./temp-dir.js";

/**
 * Once the step's controller log says what became of it (refused, or its program started), a while longer with
 * every fsync still held, so that a program started in spite of it has the time to run before anything could stop it.
 */
async function startDecided(logRoot: string, clusterId: string, stepId: string): Promise<void> {
  const controller = join(logRoot, clusterId, "steps", stepId, "controller");
  for (let tries = 0; tries < 500 && !(existsSync(controller) && readFileSync(controller, "utf8") !== ""); tries++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 300));
}

describe("a cluster terminated while its step's start is not yet on disk", () => {
  it("the step ends CANCELLED because of the cluster, and its program never runs", async () => {
    const disk = heldFsyncs();
    const emu = await started({ journalFs: disk.journalFs });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    await clusterIn(client, id, "WAITING");
    const marker = join(tempDir("emrkit-never-run-"), "ran");
    const letGo = disk.hold();
    const adding = client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("never", ["touch", marker])] }));
    await disk.written({ kind: "step", state: "RUNNING" });
    const terminating = client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await disk.written({ id, state: "TERMINATING" });
    // The step's RUNNING goes to disk (and its program would start) with the cluster already TERMINATING; the
    // TERMINATING itself, and with it the stop of the step's processes, stays held a while.
    letGo();
    const letTerminatingGo = disk.hold();
    const { StepIds } = await adding;
    await startDecided(emu.logRoot, id, StepIds![0]!);
    letTerminatingGo();
    await terminating;
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("CANCELLED");
    expect(step!.Status!.StateChangeReason).toEqual({ Message: "Cluster terminated" });
    await clusterIn(client, id, "TERMINATED");
    expect(existsSync(marker)).toBe(false);
  });
});

describe("a step cancelled while its start is not yet on disk", () => {
  it("ends CANCELLED by the user, and its program never runs", async () => {
    const disk = heldFsyncs();
    const emu = await started({ journalFs: disk.journalFs });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 1 });
    const dir = tempDir("emrkit-never-run-");
    const marker = join(dir, "ran");
    const go = join(dir, "go");
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [
          run("first", ["sh", "-c", `while [ ! -e '${go}' ]; do sleep 0.02; done`]),
          run("cancelled", ["touch", marker]),
        ],
      }),
    );
    const [first, second] = StepIds as [string, string];
    await stepIn(client, id, first, "RUNNING");
    // The first step's end starts the second: its RUNNING is written, its fsync (and the program's start) held.
    const letGo = disk.hold();
    writeFileSync(go, "");
    await disk.written({ id: second, state: "RUNNING" });
    const cancelling = client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [second] }));
    await disk.written({ id: second, reason: "Cancelled by user" });
    // The second step's RUNNING goes to disk (and its program would start); the cancel's line stays held a while.
    letGo();
    const letCancelGo = disk.hold();
    await startDecided(emu.logRoot, id, second);
    letCancelGo();
    expect((await cancelling).CancelStepsInfoList).toEqual([{ StepId: second, Status: "SUBMITTED" }]);
    const steps = await settled(client, id);
    expect(steps.map((s) => s.Status!.State)).toEqual(["COMPLETED", "CANCELLED"]);
    expect(steps[1]!.Status!.StateChangeReason).toEqual({ Message: "Cancelled by user" });
    expect(existsSync(marker)).toBe(false);
  });
});
