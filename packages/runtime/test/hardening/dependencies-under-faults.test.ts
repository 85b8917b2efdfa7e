import { command, pipeline } from "@emrkit/dsl";
import { type RunEvent, run } from "@emrkit/runtime";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allSteps } from "../support/all-steps.js";
import { faultSchedule, STRESS } from "./fault-schedule.js";
import { bump, emulatorPerFile, fastOptions, formatTally, lingeringMs, pause, retryKind } from "./harness.js";

/**
 * Dependencies under faults: a DSL pipeline whose steps each come after up to three earlier ones, run on a cluster
 * running many at once, so the runtime holds steps back and submits them in many small AddJobFlowSteps calls while
 * faults hit them. Each step must end on the emulator exactly once, COMPLETED, added only after every step it comes
 * after had completed, and the report must agree with the emulator.
 */
const RUNS = STRESS ? 50 : 5;

const figures = { runs: 0, steps: 0, edges: 0, held: 0, addCalls: 0, faultsInjected: 0, lost: 0, duplicates: 0 };
const retries: Record<string, number> = {};
const emulator = emulatorPerFile(
  () =>
    `dependencies-under-faults${STRESS ? " (stress)" : ""}: ${figures.runs} runs, ${figures.steps} steps, ` +
    `${figures.edges} dependencies, ${figures.held} held back, ${figures.addCalls} AddJobFlowSteps calls, ` +
    `${figures.faultsInjected} faults injected, ${figures.lost} steps lost, ${figures.duplicates} duplicates; ` +
    `retries the runtime saw: ${formatTally(retries)}`,
);

/** For each step, the earlier steps it comes after (indices below its own). */
const dag = fc
  .integer({ min: 2, max: STRESS ? 300 : 60 })
  .chain((length) => fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: length, maxLength: length }))
  .map((rows) => rows.map((row, i) => (i === 0 ? [] : [...new Set(row.map((n) => n % i))])));

let runIndex = 0;

describe("dependencies under faults", () => {
  it(`each step once, completed, after what it comes after (${RUNS} pipelines)`, async () => {
    await fc.assert(
      fc.asyncProperty(dag, fc.integer({ min: 2, max: 16 }), faultSchedule, async (deps, level, schedule) => {
        const opened = emulator();
        const { faults } = opened.emulator;
        faults.clear();
        const clusterId = await opened.cluster({ concurrency: level });
        const index = runIndex++;
        const name = (i: number) => `dag${index}-step${i}`;
        const built = deps
          .reduce((p, after, i) => p.add(command(name(i), ["true"]).build(), { after: after.map(name) }), pipeline())
          .build();
        const before = faults.injected;
        const onEvent = (event: RunEvent) => {
          if (event.type === "retry") bump(retries, retryKind(event));
          if (event.type === "held") figures.held++;
        };
        for (const rule of schedule) faults.inject(rule);
        const options = { ...fastOptions(opened.client, onEvent), dependencies: built.after };
        const result = await run({ JobFlowId: clusterId, Steps: built.steps }, options).result.finally(() =>
          faults.clear(),
        );
        await pause(lingeringMs(schedule));
        const listed = await allSteps(opened.client, clusterId);
        const byName = new Map(listed.map((step) => [step.Name ?? "", step]));
        figures.runs++;
        figures.steps += deps.length;
        figures.edges += deps.reduce((sum, row) => sum + row.length, 0);
        figures.addCalls += result.apiCalls.AddJobFlowSteps ?? 0;
        figures.faultsInjected += faults.injected - before;
        figures.lost += deps.filter((_, i) => !byName.has(name(i))).length;
        figures.duplicates += listed.length - byName.size;

        expect(listed.map((step) => step.Name).sort()).toEqual(deps.map((_, i) => name(i)).sort());
        expect(listed.filter((step) => step.Status?.State !== "COMPLETED")).toEqual([]);
        expect(result.ok).toBe(true);
        expect(result.steps.map(({ stepId, name, state }) => ({ stepId, name, state }))).toEqual(
          listed.map((step) => ({ stepId: step.Id, name: step.Name, state: step.Status?.State })),
        );
        // Added only once what it comes after had completed: created no earlier than each of those ended.
        for (const [i, after] of deps.entries()) {
          const created = byName.get(name(i))?.Status?.Timeline?.CreationDateTime?.getTime() ?? Number.NaN;
          for (const dep of after) {
            const ended = byName.get(name(dep))?.Status?.Timeline?.EndDateTime?.getTime() ?? Number.NaN;
            expect(created, `${name(i)} after ${name(dep)}`).toBeGreaterThanOrEqual(ended);
          }
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 900_000);
});
