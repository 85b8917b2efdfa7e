/**
 * What `pnpm mutate <package>` mutates: per package, the files where a silent mistake costs most (issue 17), and
 * the package's own test folder that must notice it. Generated code is never mutated: nobody edits it by hand, so
 * a surviving mutant there says nothing a test could fix.
 *
 * Loaded by Node 24's own type stripping (stryker.config.ts imports it as `./scopes.ts`): plain data, no imports.
 */
export interface MutationScope {
  /** Globs, from the workspace root, of the files Stryker mutates. */
  readonly mutate: readonly string[];
  /** The tests that run against the mutants: the package's test folder, as vitest `include` globs. */
  readonly tests: readonly string[];
}

/** Never mutated, whatever a scope's globs say. */
export const NEVER_MUTATED = ["!packages/*/src/generated/**", "!**/*.generated.ts", "!**/*.d.ts"] as const;

export const SCOPES = {
  dsl: {
    mutate: ["packages/dsl/src/rules/**/*.ts", "packages/dsl/src/validate/**/*.ts", "packages/dsl/src/formats/**/*.ts"],
    tests: ["packages/dsl/test/**/*.test.ts"],
  },
  runtime: {
    // Submission, chunking, retry, polling, cancel: what decides whether a step is sent once, and followed to its end.
    mutate: [
      "packages/runtime/src/internal/submission.ts",
      "packages/runtime/src/internal/add-steps-once.ts",
      "packages/runtime/src/internal/our-steps.ts",
      "packages/runtime/src/internal/chunk.ts",
      "packages/runtime/src/internal/retry-policy.ts",
      "packages/runtime/src/internal/emr-calls.ts",
      "packages/runtime/src/internal/poll-plan.ts",
      "packages/runtime/src/internal/poll-steps.ts",
      "packages/runtime/src/internal/list-steps.ts",
      "packages/runtime/src/internal/step-tracker.ts",
      "packages/runtime/src/internal/cancel-steps.ts",
    ],
    tests: ["packages/runtime/test/**/*.test.ts"],
  },
  emulator: {
    mutate: [
      "packages/emulator/src/emr/engine.ts",
      "packages/emulator/src/emr/journal.ts",
      "packages/emulator/src/emr/executor.ts",
      "packages/emulator/src/sigv4/signature.ts",
    ],
    tests: ["packages/emulator/test/**/*.test.ts"],
  },
  codegen: {
    // What decides what the generated validators accept: the emitters of the checks, and the translator of Java's
    // patterns (patterns/: parse, sets and Java's classes, the emitted RegExp, the linear-time matcher's program and
    // the proof that V8 needs none). Left out: pattern-report.ts (lists the skipped patterns, decides no verdict),
    // regex-ast.ts (types only) and linear-engine.ts, whose matcher is one template string, the text emitted into
    // the support module: Stryker sees one static string there, never the matcher's code (its tests run that text:
    // java-differential.test.ts, linear-time.test.ts).
    mutate: [
      "packages/codegen/src/emit/emit-validators.ts",
      "packages/codegen/src/emit/emit-predicates.ts",
      "packages/codegen/src/emit/validation-support.ts",
      "packages/codegen/src/emit/patterns/*.ts",
      "!packages/codegen/src/emit/patterns/pattern-report.ts",
      "!packages/codegen/src/emit/patterns/regex-ast.ts",
      "!packages/codegen/src/emit/patterns/linear-engine.ts",
    ],
    tests: ["packages/codegen/test/**/*.test.ts"],
  },
} as const satisfies Record<string, MutationScope>;

export type MutatedPackage = keyof typeof SCOPES;

export const MUTATED_PACKAGES = Object.keys(SCOPES) as MutatedPackage[];

export function isMutatedPackage(name: string): name is MutatedPackage {
  return Object.hasOwn(SCOPES, name);
}
