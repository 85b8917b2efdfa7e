import { AddJobFlowStepsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { serveProcess } from "./hardening/harness.js";
import { clientFor, cluster, emulator, run, settled } from "./support.js";
import { tempDir } from "./temp-dir.js";

describe("durability", () => {
  it("after kill -9, every acknowledged step is there once; the running one ends FAILED and the queue goes on", async () => {
    const dataDir = tempDir("emrkit-restart-");
    const first = await serveProcess(dataDir);
    const client = clientFor(first.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("long", ["sleep", "3"]), run("after", ["true"])] }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await first.kill9();
    const { client: again } = await emulator(dataDir);
    const steps = await settled(again, id);
    expect(steps.map((s) => s.Id)).toEqual(StepIds);
    expect(steps.map((s) => s.Status!.State)).toEqual(["FAILED", "COMPLETED"]);
    expect(steps[0]!.Status!.StateChangeReason!.Message).toMatch(/emulator stopped/);
  }, 20_000);
});
