import type { StepSummary } from "@aws-sdk/client-emr";
import { command, jobFlow } from "@emrkit/dsl";
import type { FaultRule } from "@emrkit/emulator";
import { type RunEvent, type RunResult, run } from "@emrkit/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allSteps } from "../support/all-steps.js";
import { concurrency, faultSchedule, REQUEST_TIMEOUT_MS, STRESS, stepCount } from "./fault-schedule.js";
import { bump, emulatorPerFile, fastOptions, formatTally, lingeringMs, pause, retryKind } from "./harness.js";

/**
 * Faults on the way: random schedules of dropped answers (after the commit), throttling, 500s and delays past the
 * request timeout, on every operation the runtime calls, while `run()` sees requests of 1 to 700 steps through on
 * clusters running one step or many at once. Afterwards the emulator's own ListSteps, read directly, must hold
 * every requested step exactly once, in request order, COMPLETED, and agree with the run's report.
 */
const RUNS = STRESS ? 150 : 6;

const figures = {
  runs: 0,
  stepsSubmitted: 0,
  faultsScheduled: 0,
  faultsInjected: 0,
  stepsLost: 0,
  duplicates: 0,
  retries: {} as Record<string, number>,
};
const seenIds = new Set<string>();
const emulator = emulatorPerFile(
  () =>
    `faults-at-scale${STRESS ? " (stress)" : ""}: ${figures.runs} runs, ${figures.stepsSubmitted} steps submitted, ` +
    `${figures.faultsInjected} faults injected (of ${figures.faultsScheduled} scheduled), ` +
    `${figures.stepsLost} steps lost, ${figures.duplicates} duplicates, ${seenIds.size} distinct ids; ` +
    `retries the runtime saw: ${formatTally(figures.retries)}`,
);

let runIndex = 0;

/** One `run()` of `count` uniquely named steps on a new cluster, under `schedule`; then the emulator's own view. */
async function runUnderFaults(count: number, level: number, schedule: FaultRule[]) {
  const opened = emulator();
  const { faults } = opened.emulator;
  faults.clear();
  const clusterId = await opened.cluster({ concurrency: level });
  expect(seenIds.has(clusterId)).toBe(false);
  seenIds.add(clusterId);
  const index = runIndex++;
  const names = Array.from({ length: count }, (_, i) => `run${index}-step${i}`);
  const request = jobFlow(clusterId)
    .add(...names.map((name) => command(name, ["true"]).build()))
    .toInput();
  const before = faults.injected;
  const onEvent = (event: RunEvent) => {
    if (event.type === "retry") bump(figures.retries, retryKind(event));
  };
  for (const rule of schedule) faults.inject(rule);
  let result: RunResult;
  try {
    result = await run(request, fastOptions(opened.client, onEvent)).result;
  } finally {
    faults.clear();
  }
  await pause(lingeringMs(schedule));
  const listed: StepSummary[] = await allSteps(opened.client, clusterId);
  const present = new Set(listed.map((step) => step.Name ?? ""));
  const lost = names.filter((name) => !present.has(name)).length;
  const duplicates = listed.length - present.size;
  const repeatedIds = listed.filter((step) => seenIds.has(step.Id ?? "")).map((step) => step.Id);
  for (const step of listed) seenIds.add(step.Id ?? "");
  figures.runs++;
  figures.stepsSubmitted += count;
  figures.faultsScheduled += schedule.reduce((sum, rule) => sum + (rule.count ?? 1), 0);
  figures.faultsInjected += faults.injected - before;
  figures.stepsLost += lost;
  figures.duplicates += duplicates;
  return { result, listed, names, lost, duplicates, repeatedIds };
}

/** Every step exactly once, in request order, COMPLETED, ids unique; the report says the same as the emulator. */
function expectExactlyOnce(outcome: Awaited<ReturnType<typeof runUnderFaults>>): void {
  const { result, listed, names } = outcome;
  expect(outcome.lost).toBe(0);
  expect(outcome.duplicates).toBe(0);
  expect(listed.map((step) => step.Name)).toEqual(names);
  expect(listed.map((step) => step.Status?.State)).toEqual(names.map(() => "COMPLETED"));
  expect(outcome.repeatedIds).toEqual([]);
  expect(new Set(listed.map((step) => step.Id)).size).toBe(listed.length);
  expect(result.ok).toBe(true);
  expect(result.notSubmitted).toEqual([]);
  expect(result.cancelled).toEqual([]);
  expect(result.steps.map(({ stepId, name, state }) => ({ stepId, name, state }))).toEqual(
    listed.map((step) => ({ stepId: step.Id, name: step.Name, state: step.Status?.State })),
  );
}

describe("run() under faults on the way, at scale", () => {
  it("an AddJobFlowSteps answer later than the request timeout is waited for, not sent again", async () => {
    // The request commits when its delay ends: read back before that and sent again, the steps were added twice.
    const late: FaultRule = { operation: "AddJobFlowSteps", action: "delay", delayMs: REQUEST_TIMEOUT_MS * 3 };
    expectExactlyOnce(await runUnderFaults(5, 1, [late]));
    expectExactlyOnce(
      await runUnderFaults(270, 256, [
        { ...late, skip: 1 },
        { ...late, count: 1 },
      ]),
    );
  });

  it(`ends with every step exactly once and a report that agrees with the emulator (${RUNS} fault schedules)`, async () => {
    await fc.assert(
      fc.asyncProperty(stepCount, concurrency, faultSchedule, async (count, level, schedule) => {
        expectExactlyOnce(await runUnderFaults(count, level, schedule));
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
