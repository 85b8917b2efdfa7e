/**
 * What holds a step back, the same at every concurrency level: dependencies that have not COMPLETED (and never, when
 * one ends otherwise), and a cluster whose 256 active steps another client filled after we counted.
 */
import { AddJobFlowStepsCommand } from "@aws-sdk/client-emr";
import { type RunEvent, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { clientFor, command, emulatorPerTest, fast } from "./support/emulator.js";
import { startFaultProxy } from "./support/fault-proxy.js";

const open = emulatorPerTest();

describe("dependencies", () => {
  for (const concurrency of [1, 4]) {
    it(`at concurrency ${concurrency}: a step after a FAILED one is never sent; the others run`, async () => {
      const opened = await open();
      const JobFlowId = await opened.cluster({ concurrency });
      const Steps = [command("prepare", "false"), command("transform", "true"), command("report", "true")];
      const events: RunEvent[] = [];
      const job = run(
        { JobFlowId, Steps },
        { client: opened.client, ...fast, dependencies: { transform: ["prepare"] }, onEvent: (e) => events.push(e) },
      );
      const result = await job.result;
      expect(result.steps.map((s) => [s.name, s.state]).sort()).toEqual([
        ["prepare", "FAILED"],
        ["report", "COMPLETED"],
      ]);
      expect(result.notSubmitted).toEqual([{ name: "transform", reason: "held back: prepare ended FAILED" }]);
      expect((await opened.allSteps(JobFlowId)).map((s) => s.Name).sort()).toEqual(["prepare", "report"]);
      expect(events).toContainEqual({
        type: "held",
        step: "transform",
        waitingFor: ["prepare"],
        because: "dependencies",
      });
    });
  }
});

describe("a cluster another client fills", () => {
  it("between our count and our call: run() holds (a held event) and completes once there is room", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    let filled = 0;
    // Just before our AddJobFlowSteps arrives, another client takes all 256 active steps.
    const fill = async () => {
      const Steps = Array.from({ length: 256 }, (_, i) => command(`theirs-${i}`, "true"));
      filled = (await opened.client.send(new AddJobFlowStepsCommand({ JobFlowId, Steps }))).StepIds?.length ?? 0;
    };
    const proxy = await startFaultProxy(opened.emulator.endpoint, [
      { operation: "AddJobFlowSteps", action: "delay-after-commit", delayMs: 0, count: 1, before: fill },
    ]);
    const client = clientFor(proxy.endpoint);
    try {
      const events: RunEvent[] = [];
      const Steps = [command("ours-1", "true"), command("ours-2", "true")];
      const result = await run({ JobFlowId, Steps }, { client, ...fast, onEvent: (e) => events.push(e) }).result;
      expect(filled).toBe(256);
      expect(result.ok).toBe(true);
      expect(result.steps.map((s) => [s.name, s.state])).toEqual([
        ["ours-1", "COMPLETED"],
        ["ours-2", "COMPLETED"],
      ]);
      const held = events.filter((e) => e.type === "held");
      expect(held).toEqual([
        { type: "held", step: "ours-1", waitingFor: [], because: "active-steps" },
        { type: "held", step: "ours-2", waitingFor: [], because: "active-steps" },
      ]);
      expect(await opened.allSteps(JobFlowId)).toHaveLength(258);
    } finally {
      client.destroy();
      await proxy.close();
    }
  }, 120_000);
});
