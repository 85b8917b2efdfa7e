/**
 * What the next start makes of a change the emulator had begun but not finished when it stopped (engine.ts,
 * `recover`): a cancel made (the step CANCEL_PENDING on disk) before the step became CANCELLED, and a cluster's
 * TERMINATING after a failed TERMINATE_CLUSTER step on disk before it ended. The first emulator is closed while the
 * fsync of that change is held, so that what follows it (a timer, a step's processes stopped) never happens there;
 * the second one, on the same data directory, must finish it at once, as its first answer shows. Over HTTP with
 * @aws-sdk/client-emr.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  ListStepsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../src/index.js";
import { heldFsyncs } from "./held-fsyncs.js";
import { clientFor, cluster, run, started, stepIn } from "./support.js";
import { tempDir } from "./temp-dir.js";

/** Closes `emu` with its fsyncs held (nothing acted on after them), then lets them go; `pending` may fail with it. */
async function closeHeld(emu: EmulatorHandle, letGo: () => void, pending?: Promise<unknown>): Promise<void> {
  const closing = emu.close();
  letGo();
  await closing;
  await pending?.catch(() => {});
}

describe("a step whose cancel was on disk, but not its end, when the emulator stopped", () => {
  it("is CANCELLED by the user from the next start on", async () => {
    const dataDir = tempDir("emrkit-restart-change-");
    const disk = heldFsyncs();
    // Still starting: its step stays PENDING, so the cancel makes it CANCEL_PENDING.
    const first = await started({ dataDir, clusterStartupMs: 60_000, journalFs: disk.journalFs });
    const id = await cluster(clientFor(first.endpoint));
    const { StepIds } = await clientFor(first.endpoint).send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("cancelled", ["true"])] }),
    );
    const stepId = StepIds![0]!;
    const letGo = disk.hold();
    const cancelling = clientFor(first.endpoint).send(new CancelStepsCommand({ ClusterId: id, StepIds: [stepId] }));
    await disk.written({ id: stepId, state: "CANCEL_PENDING" });
    await closeHeld(first, letGo, cancelling);

    const client = clientFor((await started({ dataDir })).endpoint);
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: stepId }));
    expect(Step!.Status!.State).toBe("CANCELLED");
    expect(Step!.Status!.StateChangeReason).toEqual({ Message: "Cancelled by user" });
    expect(Step!.Status!.Timeline!.EndDateTime).toBeInstanceOf(Date);
    expect(Step!.Status!.Timeline!.StartDateTime).toBeUndefined();
  }, 30_000);
});

describe("a cluster TERMINATING after a failed TERMINATE_CLUSTER step when the emulator stopped", () => {
  it("is TERMINATED_WITH_ERRORS from the next start on, for the step's failure", async () => {
    const dataDir = tempDir("emrkit-restart-change-");
    const disk = heldFsyncs();
    const first = await started({ dataDir, journalFs: disk.journalFs });
    const go = join(tempDir("emrkit-restart-change-"), "go");
    const id = await cluster(clientFor(first.endpoint), {
      steps: [run("fails", ["sh", "-c", `while [ ! -e '${go}' ]; do sleep 0.02; done; exit 1`], "TERMINATE_CLUSTER")],
    });
    const { Steps } = await clientFor(first.endpoint).send(new ListStepsCommand({ ClusterId: id }));
    const stepId = Steps![0]!.Id!;
    await stepIn(clientFor(first.endpoint), id, stepId, "RUNNING");
    const letGo = disk.hold();
    writeFileSync(go, "");
    await disk.written({ id, state: "TERMINATING" });
    await closeHeld(first, letGo);

    const client = clientFor((await started({ dataDir })).endpoint);
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("TERMINATED_WITH_ERRORS");
    expect(Cluster!.Status!.StateChangeReason).toEqual({ Code: "STEP_FAILURE", Message: `Step ${stepId} failed` });
    expect(Cluster!.Status!.Timeline!.EndDateTime).toBeInstanceOf(Date);
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: stepId }));
    expect(Step!.Status!.State).toBe("FAILED");
  }, 30_000);
});
