/**
 * What a test file emits from a model (text, or validators imported from it), made on the first test that asks
 * and kept for the file's other tests — except where Stryker measures the emitters (`pnpm mutate codegen`).
 *
 * Stryker credits each test with the code that ran during it, and switches a mutant on in a `beforeAll` hook of its
 * own: validators emitted at the top of a file, in a describe callback or in the file's `beforeAll` were credited
 * to no test (so the tests checking them never ran against a mutant of the emitters) and, had they run, were
 * emitted before the mutant was on. That made the emitters' score 40.69% (issue 17). So, read from what the vitest
 * runner provides its tests:
 * - in Stryker's first run (mode "dry-run"), made afresh in every test that asks, each credited with the emitters;
 * - in a run with a mutant on (mode "mutant"), made once for that mutant, inside the first test of the run.
 */
import { inject } from "vitest";

// The keys are Stryker's (its vitest runner's stryker-setup.js): not in vitest's typed ProvidedContext.
const provided = inject as (key: string) => unknown;

export function emitted<T>(make: () => T): () => T {
  let made: { readonly mutant: unknown; readonly value: T } | undefined;
  return () => {
    const mode = provided("mode");
    const mutant = mode === "mutant" ? provided("activeMutant") : undefined;
    if (mode === "dry-run" || made === undefined || made.mutant !== mutant) made = { mutant, value: make() };
    return made.value;
  };
}
