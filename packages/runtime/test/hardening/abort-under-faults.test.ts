import { command, jobFlow } from "@emrkit/dsl";
import type { FaultRule } from "@emrkit/emulator";
import { type RunEvent, run } from "@emrkit/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allSteps } from "../support/all-steps.js";
import { faultRule, faultSchedule, STRESS } from "./fault-schedule.js";
import { bump, emulatorPerFile, fastOptions, formatTally, lingeringMs, pause, retryKind } from "./harness.js";

/**
 * Aborting under faults: the run is aborted at a random moment while CancelSteps (and everything else) is throttled,
 * answered with 500s, delayed or has its answer dropped. The run must still end with a report, not an error; every
 * step it submitted once, cancelled or finished, none left active; and the report must say what the emulator says.
 */
const RUNS = STRESS ? 60 : 4;

const figures = { runs: 0, steps: 0, notSubmitted: 0, faultsInjected: 0, lost: 0, duplicates: 0, left: 0 };
const states: Record<string, number> = {};
const retries: Record<string, number> = {};
const emulator = emulatorPerFile(
  () =>
    `abort-under-faults${STRESS ? " (stress)" : ""}: ${figures.runs} aborted runs, ${figures.steps} steps requested ` +
    `(${figures.notSubmitted} not submitted; ended ${formatTally(states)}), ${figures.faultsInjected} faults ` +
    `injected, ${figures.lost} steps lost from the report, ${figures.duplicates} duplicates, ` +
    `${figures.left} left active; retries the runtime saw: ${formatTally(retries)}`,
);

/** At least one fault on CancelSteps, the call an abort depends on, among the rest. */
const cancelFault = faultRule.map((rule): FaultRule => ({ ...rule, operation: "CancelSteps", skip: rule.skip ?? 0 }));

let runIndex = 0;

/** When the abort comes: so long after `run()` starts (during preflight or the first submission) or after a submission. */
type AbortAt = { after: "start" | "submitted"; ms: number };
const abortAt: fc.Arbitrary<AbortAt> = fc.record({
  after: fc.constantFrom("start" as const, "submitted" as const),
  ms: fc.integer({ min: 0, max: 200 }),
});

async function abortUnderFaults(count: number, level: number, at: AbortAt, schedule: FaultRule[]) {
  const opened = emulator();
  const { faults } = opened.emulator;
  faults.clear();
  const clusterId = await opened.cluster({ concurrency: level });
  const index = runIndex++;
  const names = Array.from({ length: count }, (_, i) => `abort${index}-step${i}`);
  const request = jobFlow(clusterId)
    .add(...names.map((name) => command(name, ["sleep", "0.05"]).build()))
    .toInput();
  const controller = new AbortController();
  const before = faults.injected;
  const onEvent = (event: RunEvent) => {
    if (event.type === "retry") bump(retries, retryKind(event));
    if (event.type === "submitted" && at.after === "submitted") setTimeout(() => controller.abort(), at.ms);
  };
  for (const rule of schedule) faults.inject(rule);
  const options = { ...fastOptions(opened.client, onEvent), signal: controller.signal, cancelGraceMs: 150 };
  if (at.after === "start") setTimeout(() => controller.abort(), at.ms);
  const outcome = await run(request, options).result.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  faults.clear();
  await pause(lingeringMs(schedule));
  const listed = await allSteps(opened.client, clusterId);
  const present = new Set(listed.map((step) => step.Name ?? ""));
  figures.runs++;
  figures.steps += count;
  figures.faultsInjected += faults.injected - before;
  figures.duplicates += listed.length - present.size;
  figures.left += listed.filter((step) =>
    ["PENDING", "RUNNING", "CANCEL_PENDING"].includes(step.Status?.State ?? ""),
  ).length;
  for (const step of listed) bump(states, step.Status?.State ?? "?");
  if ("result" in outcome) {
    figures.notSubmitted += outcome.result.notSubmitted.length;
    const reported = new Set(outcome.result.steps.map((step) => step.stepId));
    figures.lost += listed.filter((step) => !reported.has(step.Id ?? "")).length;
  }
  return { outcome, listed, names };
}

describe("abort under faults", () => {
  it(`ends with a report that agrees with the emulator, nothing left active (${RUNS} aborted runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: STRESS ? 300 : 40 }),
        fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 16 })),
        abortAt,
        cancelFault,
        faultSchedule,
        async (count, level, abortAfterMs, onCancel, schedule) => {
          const { outcome, listed, names } = await abortUnderFaults(count, level, abortAfterMs, [
            onCancel,
            ...schedule,
          ]);
          expect(outcome).not.toHaveProperty("error");
          if (!("result" in outcome)) return;
          const { result } = outcome;
          // Each step once on the emulator, none still active, and exactly the report's steps, in its order.
          expect(new Set(listed.map((step) => step.Name)).size).toBe(listed.length);
          expect(listed.filter((step) => !/COMPLETED|CANCELLED/.test(step.Status?.State ?? ""))).toEqual([]);
          expect(result.steps.map(({ stepId, name, state }) => ({ stepId, name, state }))).toEqual(
            listed.map((step) => ({ stepId: step.Id, name: step.Name, state: step.Status?.State })),
          );
          // Every requested step either submitted or listed as not submitted, never both.
          expect([...result.steps.map((step) => step.name), ...result.notSubmitted.map((s) => s.name)].sort()).toEqual(
            [...names].sort(),
          );
          expect(result.cancelled).toEqual(listed.filter((s) => s.Status?.State === "CANCELLED").map((s) => s.Id));
          expect(result.ok).toBe(result.notSubmitted.length === 0 && result.cancelled.length === 0);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
