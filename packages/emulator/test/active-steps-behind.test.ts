/**
 * The 256 active steps a cluster may have (PENDING, RUNNING, CANCEL_PENDING: Management Guide, "Work with steps")
 * count only steps that have not ended, wherever they stand: steps that ended behind one still running (a
 * StepConcurrencyLevel above 1) no longer count. Over HTTP with @aws-sdk/client-emr.
 */
import { AddJobFlowStepsCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, clusterIn, run, started, stepIn } from "./support.js";

describe("steps that ended behind a step still running", () => {
  it("are not counted among the 256 active ones", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 2 });
    const behind = Array.from({ length: 10 }, (_, i) => run(`done ${i}`, ["true"]));
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "30"]), ...behind] }),
    );
    await stepIn(client, id, StepIds!.at(-1)!, "COMPLETED");
    await stepIn(client, id, StepIds![0]!, "RUNNING");
    const many = (n: number) => Array.from({ length: n }, (_, i) => run(`more ${i}`, ["sleep", "30"]));
    await expect(client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: many(256) }))).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/: 1 active, 256 more would exceed 256\.$/),
    });
    const { StepIds: added } = await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: many(255) }));
    expect(added).toHaveLength(255);
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await clusterIn(client, id, "TERMINATED");
  });
});
