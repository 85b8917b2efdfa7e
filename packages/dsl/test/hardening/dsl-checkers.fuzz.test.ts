import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fromCliSteps, fromJson, validate } from "../../src/index.js";
import { FUZZ_RUNS, hostileInput } from "./fuzz-inputs.js";
import { referenceCheck } from "./reference-check.js";

const MODEL_CODES = new Set([
  "required",
  "type",
  "length",
  "pattern",
  "enum",
  "range",
  "unknown-member",
  "unique-items",
  "union",
]);

describe("fuzzing the DSL's checkers", () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`validate never throws, and its model issues are the reference's, on ${FUZZ_RUNS} hostile inputs`, () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const { ok, issues } = validate(input);
        const model = issues.filter((i) => MODEL_CODES.has(i.code)).map((i) => `${i.path} ${i.code}`);
        expect(model.sort()).toEqual(referenceCheck(input));
        if (referenceCheck(input).length > 0) expect(ok).toBe(false);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`fromJson never throws, as text or as a value, on ${FUZZ_RUNS} hostile inputs`, () => {
    fc.assert(
      fc.property(hostileInput, fc.boolean(), (input, asText) => {
        const text = asText ? JSON.stringify(input) : undefined;
        const result = fromJson(text ?? input);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.issues.some((i) => i.severity === "error")).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`fromCliSteps refuses bad input only with its own error, never a crash, on ${FUZZ_RUNS} hostile inputs`, () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        try {
          fromCliSteps(input);
        } catch (error) {
          expect((error as Error).name).toMatch(/CliStepsError|FormatError/);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
