import type { RunEvent } from "@emrkit/runtime";
import { follow, run, submit } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { command, emulatorPerTest, fast, type Opened } from "./support/emulator.js";

const open = emulatorPerTest();

async function collect(events: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const all: RunEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** run() of a long step and two after it, aborted as soon as the first is RUNNING: its events and result. */
async function abortedOnceRunning(opened: Opened) {
  const JobFlowId = await opened.cluster();
  const controller = new AbortController();
  const Steps = [command("long", "sleep", "30"), command("next", "true"), command("last", "true")];
  const job = run(
    { JobFlowId, Steps },
    { client: opened.client, ...fast, signal: controller.signal, cancelGraceMs: 300 },
  );
  const events: RunEvent[] = [];
  for await (const event of job) {
    events.push(event);
    if (event.type === "step" && event.state === "RUNNING") controller.abort();
  }
  return { events, result: await job.result };
}

describe("run against the emulator", () => {
  it("submits, follows every step to COMPLETED and reports each change once, in order", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ logUri: "s3://logs/emr/" });
    const Steps = [command("one", "true"), command("two", "echo", "hi"), command("three", "true")];
    const job = run({ JobFlowId, Steps }, { client: opened.client, ...fast });
    const events = await collect(job);
    const result = await job.result;
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.name, s.state])).toEqual([
      ["one", "COMPLETED"],
      ["two", "COMPLETED"],
      ["three", "COMPLETED"],
    ]);
    expect(events[0]).toMatchObject({ type: "preflight", clusterState: expect.any(String), stepConcurrencyLevel: 1 });
    expect(events.filter((e) => e.type === "submitted")).toHaveLength(1);
    for (const step of result.steps) {
      const states = events.flatMap((e) => (e.type === "step" && e.step.stepId === step.stepId ? [e.state] : []));
      expect(states.at(-1)).toBe("COMPLETED");
      expect(new Set(states).size).toBe(states.length);
      expect(step.logPrefix).toBe(`s3://logs/emr/${JobFlowId}/steps/${step.stepId}/`);
    }
    expect(result.apiCalls.AddJobFlowSteps).toBe(1);
    expect(result.apiCalls.DescribeStep).toBeUndefined();
  });

  it("follow() picks up steps submit() added", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const handles = await submit(
      { JobFlowId, Steps: [command("a", "true"), command("b", "true")] },
      { client: opened.client, ...fast },
    );
    const result = await follow(handles, { client: opened.client, ...fast }).result;
    expect(result.steps.map((s) => s.state)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(Object.keys(result.apiCalls)).toEqual(["ListSteps"]);
  });

  it("abort cancels every unfinished step and says so", async () => {
    const { events, result } = await abortedOnceRunning(await open());
    expect(result.ok).toBe(false);
    expect(result.steps.every((s) => ["CANCELLED", "INTERRUPTED", "FAILED"].includes(s.state))).toBe(true);
    expect(result.steps.filter((s) => s.name !== "long").map((s) => s.state)).toEqual(["CANCELLED", "CANCELLED"]);
    const cancel = events.find((e) => e.type === "cancel");
    expect(cancel).toMatchObject({ type: "cancel", failed: [] });
    expect(cancel?.type === "cancel" && cancel.requested).toEqual(result.steps.map((s) => s.stepId));
    expect(result.cancelled).toEqual(
      expect.arrayContaining(result.steps.filter((s) => s.name !== "long").map((s) => s.stepId)),
    );
  });

  it("a CancelSteps whose answer was lost after it committed still reports the steps as cancelled", async () => {
    const opened = await open();
    opened.emulator.faults.inject({ operation: "CancelSteps", action: "drop-after-commit" });
    const { events, result } = await abortedOnceRunning(opened);
    expect(opened.emulator.faults.injected).toBe(1);
    const cancel = events.find((e) => e.type === "cancel");
    // The retry is refused for the steps the lost attempt already cancelled; their state says what happened.
    expect(cancel).toMatchObject({ type: "cancel", failed: [] });
    expect(cancel?.type === "cancel" && cancel.cancelled).toEqual(result.steps.map((s) => s.stepId));
    expect(result.steps.filter((s) => s.name !== "long").map((s) => s.state)).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("a failed step carries FailureDetails and the probable cause from its stderr", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 2 });
    const traceback =
      "printf 'Traceback (most recent call last):\\n  File \"job.py\", line 3, in <module>\\nValueError: bad input\\n' >&2; exit 1";
    const Steps = [
      command("node-job", "node", "-e", "throw new Error('boom')"),
      command("py-job", "sh", "-c", traceback),
    ];
    const result = await run({ JobFlowId, Steps }, { client: opened.client, ...fast, logWaitMs: 2000 }).result;
    expect(result.ok).toBe(false);
    const [node, py] = result.steps;
    expect(node?.state).toBe("FAILED");
    expect(node?.failure?.probableCause?.summary).toBe("Error: boom");
    expect(node?.failure?.probableCause?.logFile).toMatch(/stderr(\.gz)?$/);
    expect(py?.failure?.probableCause).toMatchObject({
      summary: "ValueError: bad input",
      lines: ["Traceback (most recent call last):", '  File "job.py", line 3, in <module>', "ValueError: bad input"],
    });
  });
});
