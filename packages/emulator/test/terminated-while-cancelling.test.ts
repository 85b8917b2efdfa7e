/**
 * A step cancelled while PENDING is CANCEL_PENDING until its CANCELLED follows, once the cancel is on disk
 * (engine.ts, `cancel`). A cluster terminated in that gap ends the step at once, because of the cluster
 * ("Cluster terminated", as for its other pending steps: engine.ts's guess, EMR documents nothing for the race), and
 * the cancel's CANCELLED, due after, finds it ended and changes it no more. Over HTTP with @aws-sdk/client-emr, on
 * node:fs for the journal with the cancel's fsync held back.
 */
import { AddJobFlowStepsCommand, CancelStepsCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { heldFsyncs } from "./held-fsyncs.js";
import { clientFor, cluster, clusterIn, run, settled, started } from "./support.js";

describe("a cluster terminated while a step's cancel is not yet on disk", () => {
  it("ends the step CANCELLED because of the cluster, and the cancel changes it no more", async () => {
    const disk = heldFsyncs();
    // Still starting: its step stays PENDING, so the cancel makes it CANCEL_PENDING.
    const emu = await started({ clusterStartupMs: 60_000, journalFs: disk.journalFs });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("cancelled", ["true"])] }),
    );
    const stepId = StepIds![0]!;
    const letGo = disk.hold();
    const cancelling = client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [stepId] }));
    await disk.written({ id: stepId, state: "CANCEL_PENDING" });
    const terminating = client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await disk.written({ id, state: "TERMINATING" });
    letGo();
    expect((await cancelling).CancelStepsInfoList).toEqual([{ StepId: stepId, Status: "SUBMITTED" }]);
    await terminating;
    await clusterIn(client, id, "TERMINATED");
    // The cancel's own end (a timer set once it was on disk, before the cluster's end) has had its turn.
    await new Promise((r) => setTimeout(r, 100));
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("CANCELLED");
    expect(step!.Status!.StateChangeReason).toEqual({ Message: "Cluster terminated" });
  });
});
