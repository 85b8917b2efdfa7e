import type { StepSummary } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { StepTracker } from "../src/internal/step-tracker.js";

const handle = (stepId: string, name: string) => ({ clusterId: "j-1", stepId, name, consoleUrl: "u" });
const summary = (
  Id: string,
  State: string,
  extra: Partial<NonNullable<StepSummary["Status"]>> = {},
): [string, StepSummary] => [Id, { Id, Status: { State: State as never, ...extra } }];

describe("StepTracker", () => {
  it("emits one event per change, with the previous state and EMR's own timestamp; nothing when unchanged", () => {
    const tracker = new StepTracker();
    tracker.add([handle("s-1", "a"), handle("s-2", "b")]);
    const started = new Date("2026-01-01T00:00:01Z");
    const first = tracker.apply(
      new Map([summary("s-1", "RUNNING", { Timeline: { StartDateTime: started } }), summary("s-2", "PENDING")]),
    );
    expect(first.map((e) => [e.step.stepId, e.previous, e.state])).toEqual([
      ["s-1", undefined, "RUNNING"],
      ["s-2", undefined, "PENDING"],
    ]);
    expect(first[0]?.at).toEqual(started);
    expect(tracker.apply(new Map([summary("s-1", "RUNNING"), summary("s-2", "PENDING")]))).toEqual([]);
    const ended = new Date("2026-01-01T00:00:09Z");
    const failed = tracker.apply(
      new Map([
        summary("s-1", "FAILED", {
          Timeline: { EndDateTime: ended },
          FailureDetails: { Reason: "Unknown error.", LogFile: "/tmp/logs/s-1/stderr" },
        }),
      ]),
    );
    expect(failed).toEqual([
      {
        type: "step",
        step: handle("s-1", "a"),
        state: "FAILED",
        previous: "RUNNING",
        at: ended,
        reason: "Unknown error.",
      },
    ]);
    expect(tracker.steps[0]?.failure).toEqual({ reason: "Unknown error.", logFile: "/tmp/logs/s-1/stderr" });
  });

  it("knows what is unfinished, how deep a newest-first listing must go, and what a dependency ended as", () => {
    const tracker = new StepTracker();
    tracker.add([handle("s-1", "a"), handle("s-2", "b"), handle("s-3", "c")]);
    expect(tracker.span()).toBe(3);
    tracker.apply(new Map([summary("s-1", "COMPLETED"), summary("s-2", "INTERRUPTED")]));
    expect(tracker.unfinished().map((s) => s.handle.stepId)).toEqual(["s-3"]);
    expect(tracker.span()).toBe(1);
    expect(tracker.completed("a")).toBe(true);
    expect(tracker.completed("b")).toBe(false);
    expect(tracker.brokenBy(["a", "b"])).toBe("b ended INTERRUPTED");
    expect(tracker.brokenBy(["a", "c"])).toBeUndefined();
  });
});
