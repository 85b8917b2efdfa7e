import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { check, validateAddJobFlowStepsInput } from "../../src/generated/index.generated.js";
import { FUZZ_RUNS, hostileInput } from "./fuzz-inputs.js";
import { referenceCheck } from "./reference-check.js";

describe("fuzzing the generated AddJobFlowStepsInput validator", () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`never throws and agrees with the reference check on ${FUZZ_RUNS} hostile inputs`, () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const issues = check(validateAddJobFlowStepsInput, input);
        expect(issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(referenceCheck(input));
        for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
