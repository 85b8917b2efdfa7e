import type { RunEvent } from "@emrkit/runtime";
import { run, submit } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { command, emulatorPerTest, fast } from "./support/emulator.js";

const open = emulatorPerTest();

describe("exactly once under faults", () => {
  it("a response dropped after commit is found by reading back, not sent again", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 8 });
    // Identical steps, so only the position of the read-back can tell them apart.
    const Steps = Array.from({ length: 300 }, () => command("same", "true"));
    opened.emulator.faults.inject({ operation: "AddJobFlowSteps", action: "drop-after-commit", count: 1 });
    const events: RunEvent[] = [];
    const handles = await submit(
      { JobFlowId, Steps },
      { client: opened.client, ...fast, onEvent: (e) => events.push(e) },
    );
    expect(handles).toHaveLength(300);
    expect(new Set(handles.map((h) => h.stepId)).size).toBe(300);
    const listed = await opened.allSteps(JobFlowId);
    expect(listed.map((s) => s.Id)).toEqual(handles.map((h) => h.stepId));
    expect(events.some((e) => e.type === "retry" && e.operation === "AddJobFlowSteps")).toBe(true);
  });

  it("drops, throttling and server errors on every operation: each step ends present exactly once", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 16 });
    const Steps = Array.from({ length: 400 }, (_, i) => command(`step-${i}`, "true"));
    const { faults } = opened.emulator;
    faults.inject({ operation: "AddJobFlowSteps", action: "drop-after-commit", count: 2, skip: 1 });
    faults.inject({ operation: "AddJobFlowSteps", action: "throttle", count: 2 });
    faults.inject({ operation: "ListSteps", action: "throttle", count: 3, skip: 2 });
    faults.inject({ operation: "ListSteps", action: "server-error", count: 2, skip: 5 });
    faults.inject({ operation: "DescribeCluster", action: "throttle", count: 1 });
    const result = await run({ JobFlowId, Steps }, { client: opened.client, ...fast }).result;
    expect(result.ok).toBe(true);
    const listed = await opened.allSteps(JobFlowId);
    expect(listed.map((s) => s.Name)).toEqual(Steps.map((s) => s.Name));
    expect(result.steps.map((s) => s.stepId)).toEqual(listed.map((s) => s.Id));
    expect(result.apiCalls.AddJobFlowSteps).toBeGreaterThan(2);
  }, 60_000);
});
