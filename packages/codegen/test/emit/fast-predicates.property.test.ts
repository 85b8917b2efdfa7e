/**
 * Every shape's fast predicate against its reporting validator (generated into a temporary directory and
 * imported): on valid values, on values with one broken constraint, on hostile values and on values nested round a
 * recursive shape near MAX_NESTING, `isValid(v)` is true exactly when the validator reports no issue. Where the
 * validator throws (JSON.stringify of a BigInt for unique items), the predicate throws too or says false first, so
 * that the caller, falling back to the walk, meets the same throw.
 */
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { ServiceIR } from "../../src/index.js";
import { loadModelFile, selectOperations, sortedShapes } from "../../src/index.js";
import { recursiveShapes } from "../../src/select/reachable.js";
import { arbitraryOf } from "../helpers/arbitrary-from-ir.js";
import { emitted } from "../helpers/emitted.js";
import { fixture } from "../helpers/fixtures.js";
import { hostileOf, nested } from "../helpers/hostile-values.js";
import {
  type GeneratedValidators,
  importGenerated,
  type Predicate,
  type Validator,
} from "../helpers/import-generated.js";
import { DSL_OPERATIONS, describeWithModels, EMR_BOTOCORE } from "../helpers/models.js";
import { mutationsOf } from "../helpers/mutations.js";

const RUNS = process.env.EMRKIT_STRESS === "1" ? 2_000 : 60;

/** The predicate's answer, and whether the validator found nothing; "threw" where either threw. */
function verdicts(
  generated: GeneratedValidators,
  predicate: Predicate,
  validator: Validator,
  value: unknown,
  base: (string | number)[] = [],
): { fast: boolean | "threw"; full: boolean | "threw" } {
  let fast: boolean | "threw";
  let full: boolean | "threw";
  try {
    fast = predicate(value, base.length);
  } catch {
    fast = "threw";
  }
  try {
    full = generated.check(validator, value, base).length === 0;
  } catch {
    full = "threw";
  }
  return { fast, full };
}

function expectAgreement(verdict: { fast: boolean | "threw"; full: boolean | "threw" }): void {
  if (verdict.full === "threw") expect([false, "threw"]).toContain(verdict.fast);
  else expect(verdict.fast).toBe(verdict.full);
}

const tried = new Map<string, number>();
afterAll(() => {
  for (const [label, n] of tried) console.log(`fast predicates, ${label}: ${n} values, both passes agree`);
});

function properties(label: string, load: () => ServiceIR) {
  describe(label, () => {
    const service = load();
    const emit = emitted(() => importGenerated(service));
    const names = sortedShapes(service).map((s) => s.name);
    const count = (n: number) => tried.set(label, (tried.get(label) ?? 0) + n);

    test("every shape has a predicate, and the registry holds no other", async () => {
      const { predicates } = await emit();
      expect(Object.keys(predicates).sort()).toEqual([...names].sort());
    });

    test.each(names)("%s: true on valid values", async (name) => {
      const generated = await emit();
      const { validators, predicates } = generated;
      fc.assert(
        fc.property(arbitraryOf(service, name), (value) => {
          const verdict = verdicts(generated, predicates[name]!, validators[name]!, value);
          expect(verdict).toEqual({ fast: true, full: true });
        }),
        { numRuns: RUNS },
      );
      count(RUNS);
    });

    test.each(names)("%s: false on every value with one broken constraint", async (name) => {
      const generated = await emit();
      const { validators, predicates } = generated;
      const withMutation = arbitraryOf(service, name).chain((value) => {
        const mutations = mutationsOf(service, name, value);
        return mutations.length === 0
          ? fc.constant(undefined)
          : fc.constantFrom(...mutations.map((m) => m.apply(value)));
      });
      fc.assert(
        fc.property(withMutation, (value) => {
          if (value === undefined) return;
          const verdict = verdicts(generated, predicates[name]!, validators[name]!, value);
          expect(verdict.full).toBe(false);
          expectAgreement(verdict);
        }),
        { numRuns: RUNS },
      );
      count(RUNS);
    });

    test.each(names)("%s: agrees on hostile values", async (name) => {
      const generated = await emit();
      const { validators, predicates } = generated;
      fc.assert(
        fc.property(hostileOf(service, name), (value) => {
          expectAgreement(verdicts(generated, predicates[name]!, validators[name]!, value));
        }),
        { numRuns: RUNS * 2 },
      );
      count(RUNS * 2);
    });

    const recursive = [...recursiveShapes(service)].sort();
    test.skipIf(recursive.length === 0).each(recursive)("%s: agrees on nesting around MAX_NESTING", async (name) => {
      const generated = await emit();
      const { validators, predicates } = generated;
      const { MAX_NESTING } = generated;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: MAX_NESTING + 4 }),
          fc.integer({ min: 0, max: 6 }),
          fc.integer(),
          (levels, baseLength, seed) => {
            const value = nested(service, name, levels, seed);
            const base = Array.from({ length: baseLength }, (_, i) => `Base${i}`);
            expectAgreement(verdicts(generated, predicates[name]!, validators[name]!, value, base));
          },
        ),
        { numRuns: RUNS },
      );
      // The limit itself, exactly: on it is fine, one past it is too deep, in both passes.
      for (let levels = 0; levels <= MAX_NESTING + 2; levels += levels < MAX_NESTING / 2 - 4 ? 16 : 1) {
        const verdict = verdicts(generated, predicates[name]!, validators[name]!, nested(service, name, levels, 1));
        expectAgreement(verdict);
      }
      count(RUNS + MAX_NESTING);
    });

    test("agrees when Object.prototype itself carries an enumerable key", async () => {
      const generated = await emit();
      const { validators, predicates } = generated;
      const values = names.map(
        (name) => [name, fc.sample(arbitraryOf(service, name), { numRuns: 5, seed: 7 })] as const,
      );
      const polluted = "pollutedForTheTest";
      Object.defineProperty(Object.prototype, polluted, {
        value: "x",
        enumerable: true,
        configurable: true,
        writable: true,
      });
      try {
        for (const [name, samples] of values) {
          for (const value of samples)
            expectAgreement(verdicts(generated, predicates[name]!, validators[name]!, value));
        }
      } finally {
        delete (Object.prototype as Record<string, unknown>)[polluted];
      }
      count(names.length * 5);
    });

    test("check with a predicate gives what check without one gives", async () => {
      const generated = await emit();
      const { validators, predicates } = generated;
      for (const name of names) {
        for (const value of fc.sample(fc.oneof(arbitraryOf(service, name), hostileOf(service, name)), 10)) {
          let without: unknown;
          try {
            without = generated.check(validators[name]!, value, ["Base"]);
          } catch {
            continue;
          }
          expect(generated.check(validators[name]!, value, ["Base"], predicates[name]!)).toEqual(without);
        }
      }
    });
  });
}

properties("the Smithy fixture", () => loadModelFile(fixture("smithy-traits.json")));
properties("the botocore fixture", () => loadModelFile(fixture("botocore-traits.json")));
describeWithModels("the pinned EMR model", [EMR_BOTOCORE], () =>
  properties("the EMR operations of @emrkit/dsl", () =>
    selectOperations(loadModelFile(EMR_BOTOCORE), [...DSL_OPERATIONS]),
  ),
);
