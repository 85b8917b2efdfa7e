import type { StepSummary } from "@aws-sdk/client-emr";
import { type RunEvent, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { StepTracker } from "../src/internal/step-tracker.js";
import { command, emulatorPerTest, fast } from "./support/emulator.js";

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

  it("tells a poll's changes in the order they happened: EMR's time, then submission order; untimed last", () => {
    const tracker = new StepTracker();
    tracker.add([handle("s-1", "prepare"), handle("s-2", "transform"), handle("s-3", "report"), handle("s-4", "x")]);
    const t = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
    // As ListSteps lists them: newest first.
    const events = tracker.apply(
      new Map([
        summary("s-4", "PENDING"),
        summary("s-3", "PENDING", { Timeline: { CreationDateTime: t(0) } }),
        summary("s-2", "RUNNING", { Timeline: { CreationDateTime: t(0), StartDateTime: t(5) } }),
        summary("s-1", "COMPLETED", { Timeline: { StartDateTime: t(1), EndDateTime: t(5) } }),
      ]),
    );
    expect(events.map((e) => `${e.step.name} ${e.state}`)).toEqual([
      "report PENDING",
      "prepare COMPLETED",
      "transform RUNNING",
      "x PENDING",
    ]);
  });
});

const open = emulatorPerTest();

describe("events of a run", () => {
  it("come in the order things happened when one poll sees several changes (not ListSteps' newest first)", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const Steps = [command("prepare", "true"), command("transform", "sleep", "0.6"), command("report", "true")];
    const events: RunEvent[] = [];
    // The first poll comes after prepare has ended and transform has started.
    const options = { client: opened.client, ...fast, pollIntervalMs: 400, maxPollIntervalMs: 400 };
    await run({ JobFlowId, Steps }, { ...options, onEvent: (e) => events.push(e) }).result;
    const told = events.flatMap((e) => (e.type === "step" ? [`${e.step.name} ${e.state}`] : []));
    expect(told.indexOf("prepare COMPLETED")).toBeGreaterThanOrEqual(0);
    expect(told.indexOf("prepare COMPLETED")).toBeLessThan(told.indexOf("transform RUNNING"));
    expect(told.indexOf("transform COMPLETED")).toBeLessThan(told.indexOf("report COMPLETED"));
    const times = events.flatMap((e) => (e.type === "step" ? [e.at.getTime()] : []));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
