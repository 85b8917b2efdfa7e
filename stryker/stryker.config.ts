/**
 * StrykerJS for one package's scope (stryker/scopes.ts), the package named by `EMRKIT_MUTATE_PACKAGE`; run it
 * through `pnpm mutate <package>` (scripts/mutate.ts), which sets that and runs Stryker on Node 24.
 *
 * Loaded by Node 24's type stripping, not tsx: erasable TypeScript only, relative imports written with `.ts`.
 */
import type { Stryker } from "@stryker-mutator/core";
import { isMutatedPackage, MUTATED_PACKAGES, NEVER_MUTATED, SCOPES } from "./scopes.ts";

type StrykerOptions = NonNullable<ConstructorParameters<typeof Stryker>[0]>;

const name = process.env.EMRKIT_MUTATE_PACKAGE ?? "";
if (!isMutatedPackage(name)) {
  throw new Error(
    `stryker.config.ts: EMRKIT_MUTATE_PACKAGE must name one of ${MUTATED_PACKAGES.join(", ")}, but is "${name}" ` +
      "(run Stryker through `pnpm mutate <package>`)",
  );
}
const reports = `reports/mutation/${name}`;

const config: StrykerOptions = {
  mutate: [...SCOPES[name].mutate, ...NEVER_MUTATED],
  testRunner: "vitest",
  // The tests of this package only, on the workspace's vitest config (stryker/vitest.config.ts says what differs).
  vitest: { configFile: "stryker/vitest.config.ts", related: true },
  // A mutant that does not compile is reported as such without running a test: on two cores, the cheap verdict.
  checkers: ["typescript"],
  tsconfigFile: `packages/${name}/tsconfig.build.json`,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // pnpm keeps the plugins beside core in its store, not beside each other: name them, so they are loaded from here.
  plugins: ["@stryker-mutator/vitest-runner", "@stryker-mutator/typescript-checker"],
  // The machine has two cores shared by several people: one test runner (and one checker) at a time.
  concurrency: 1,
  // A re-run tests only the mutants whose code or covering tests changed since the last run's report.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { reportTests: false, reportMutants: false, reportScoreTable: true },
  // The goals: 90% on the files named there, 80% on a package's scope. Reported, never a failed run.
  thresholds: { high: 90, low: 80, break: null },
  // A static mutant (one in code run once, at import: a top-level regex, a limit, a rule's source string) cannot be
  // told apart by coverage, so it runs the package's whole suite, with a fresh import of everything: on a shared
  // two-core machine several minutes each, most of a run. Left out (reported as ignored) unless
  // EMRKIT_MUTATE_STATIC=1.
  ignoreStatic: process.env.EMRKIT_MUTATE_STATIC !== "1",
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["/reports", "/.cache", "/.stryker-tmp"],
  // The first run of the emulator's and the runtime's tests (real servers, real processes) is long on two cores.
  dryRunTimeoutMinutes: 30,
  timeoutMS: 5_000,
};

export default config;
