/**
 * The workspace's vitest config (../vitest.config.ts: the `@emrkit/source` condition, the models and no-litter
 * global setups) narrowed to the package that Stryker mutates, and without the type tests: Stryker runs the
 * tests of that package only, and `*.test-d.ts` files check types, which the TypeScript checker already does.
 */
import { defineConfig, mergeConfig } from "vitest/config";
import workspace from "../vitest.config.ts";
import { isMutatedPackage, SCOPES } from "./scopes.ts";

const name = process.env.EMRKIT_MUTATE_PACKAGE ?? "";
if (!isMutatedPackage(name)) throw new Error(`stryker/vitest.config.ts: no package to mutate named "${name}"`);

// isolate: false keeps one module graph for every test file of a run: Stryker runs the tests covering each mutant
// as a run of its own, and importing the package afresh for every file of every run was most of its time. The
// mutant is chosen at run time (a global the instrumented code reads), so a shared import sees each one.
// mergeConfig concatenates arrays: the include list is replaced by hand.
// mutant-at-collection.ts turns each run's mutant on before the test files load (it says why).
// maxWorkers: 1 undoes the workspace's three files at a time: Stryker's own --concurrency says how many runs share
// the cores.
const merged = mergeConfig(
  workspace,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      isolate: false,
      maxWorkers: 1,
      // 30 s is the workspace's limit for a test on a shared two-core machine; a Stryker run beside others has
      // loaded it past 20, where the emulator's longest tests (a 120-step listing) took longer than that.
      testTimeout: 90_000,
      hookTimeout: 90_000,
      setupFiles: ["stryker/mutant-at-collection.ts"],
    },
  }),
);
// EMRKIT_MUTATE_TESTS (comma-separated globs) narrows the tests further, for a file that every test of its package
// runs through (the emulator's journal: each test that starts an emulator covers every line of it, so each mutant
// would run the whole suite, hours on two cores). A score so measured is a floor: the tests left out can only kill more.
const narrowed = process.env.EMRKIT_MUTATE_TESTS?.split(",").filter((glob) => glob !== "");
merged.test = { ...merged.test, include: narrowed?.length ? narrowed : [...SCOPES[name].tests] };
export default merged;
