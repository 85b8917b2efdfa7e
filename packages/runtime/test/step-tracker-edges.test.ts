/**
 * StepTracker at its edges: a run whose steps have all ended needs no listing at all, and a dependency named by
 * several steps (names may repeat) is met only when every one of them has completed. step-tracker.test.ts has the
 * common cases.
 */
import type { StepSummary } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { StepTracker } from "../src/internal/step-tracker.js";

const handle = (stepId: string, name: string) => ({ clusterId: "j-1", stepId, name, consoleUrl: "u" });
const states = (pairs: [string, string][]) =>
  new Map<string, StepSummary>(pairs.map(([Id, State]) => [Id, { Id, Status: { State: State as never } }]));

describe("StepTracker at its edges", () => {
  it("needs a listing of no depth once every step has ended", () => {
    const tracker = new StepTracker();
    tracker.add([handle("s-1", "a"), handle("s-2", "b")]);
    tracker.apply(
      states([
        ["s-1", "COMPLETED"],
        ["s-2", "CANCELLED"],
      ]),
    );
    expect(tracker.unfinished()).toEqual([]);
    expect(tracker.span()).toBe(0);
    const none = new StepTracker();
    expect(none.span()).toBe(0);
  });

  it("counts a name as completed only when every step of that name has", () => {
    const tracker = new StepTracker();
    tracker.add([handle("s-1", "load"), handle("s-2", "load"), handle("s-3", "other")]);
    tracker.apply(
      states([
        ["s-1", "COMPLETED"],
        ["s-2", "RUNNING"],
      ]),
    );
    expect(tracker.completed("load")).toBe(false);
    tracker.apply(states([["s-2", "COMPLETED"]]));
    expect(tracker.completed("load")).toBe(true);
    expect(tracker.completed("other")).toBe(false);
    expect(tracker.completed("nobody")).toBe(false);
  });
});
