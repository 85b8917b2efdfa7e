import { defineConfig } from "vitest/config";

// One config for every package. Tests run on source through the "@emrkit/source" export condition, so no build
// is needed first; `*.test-d.ts` files are type tests that vitest checks with tsc. The run fails if it leaves
// anything in the temp directory (test/global-setup/no-litter.ts).
export default defineConfig({
  resolve: { conditions: ["@emrkit/source"] },
  ssr: { resolve: { conditions: ["@emrkit/source"] } },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "examples/test/**/*.test.ts",
      "bench/test/**/*.test.ts",
      "scripts/test/**/*.test.ts",
    ],
    // Three test files at a time on this project's two-core machines (vitest's default is one fewer than the
    // cores: one). The suite waits on step processes, servers and retry back-offs more than it computes: one file
    // at a time, the machine was idle more than half of a pass (measured, `time npx vitest run`, under load: real
    // 1,030 s, user + sys 450 s; with three, 600 s). EMRKIT_TEST_WORKERS overrides it.
    maxWorkers: testWorkers(process.env.EMRKIT_TEST_WORKERS),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ["test/global-setup/models.ts", "test/global-setup/no-litter.ts"],
    typecheck: { enabled: true, include: ["packages/*/test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});

/** EMRKIT_TEST_WORKERS as a count of files at a time (default 3); anything else stops the run, saying so. */
function testWorkers(given: string | undefined): number {
  if (given === undefined || given === "") return 3;
  if (!/^[1-9]\d{0,2}$/.test(given)) {
    throw new Error(`EMRKIT_TEST_WORKERS is "${given}": give a whole number of test files at a time, 1 or more`);
  }
  return Number(given);
}
