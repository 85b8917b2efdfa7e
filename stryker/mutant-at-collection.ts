/**
 * A setup file Stryker's vitest runner loads after its own (stryker/vitest.config.ts): in a run with one mutant on,
 * the mutant is on from the moment each test file is loaded, not only from the runner's `beforeAll` hook.
 *
 * Without it, what a test file computes as it loads (a request built at the top of the file, the cases of a
 * `test.each`) is computed with whichever mutant the worker last had on, or none: a fixture broken by the previous
 * run's mutant fails the file and credits the current mutant with a kill it did not earn, and a fixture the current
 * mutant would break is built right. Stryker's runner does this itself when a mutant is activated statically;
 * here it is done for every mutant. (The code that ran as files loaded still counts for no test: see
 * packages/codegen/test/helpers/emitted.ts for what the emitters' tests do about that.)
 */
import { inject } from "vitest";

// The keys are Stryker's (its vitest runner's stryker-setup.js): not in vitest's typed ProvidedContext.
const provided = inject as (key: string) => unknown;

if (provided("mode") === "mutant") {
  // Made by the runner's own setup file, which runs first.
  const namespace = (globalThis as Record<string, unknown>)[provided("globalNamespace") as string];
  (namespace as { activeMutant?: unknown }).activeMutant = provided("activeMutant");
}
