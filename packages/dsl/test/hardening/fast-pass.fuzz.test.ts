/**
 * validate runs the generated fast predicate first and the reporting walk only when it says false. On hostile
 * inputs, valid requests and requests with one violation: the predicate agrees with the walk and with the
 * independent reference check, and validate gives exactly the issues of the walk alone followed by the EMR rules
 * (what it gave before the fast pass). Runs FUZZ_RUNS times (2,000; 100,000 under `pnpm stress`).
 */
import {
  check,
  type Issue,
  isValidAddJobFlowStepsInput,
  isValidStepConfigList,
  MODEL_SOURCE,
  predicates,
  runEmrRules,
  validate,
  validateAddJobFlowStepsInput,
  validateStepConfigList,
  validateSteps,
  validators,
} from "@emrkit/dsl";
import { requestWithOneViolation, validRequest } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FUZZ_RUNS, hostileInput } from "./fuzz-inputs.js";
import { referenceCheck } from "./reference-check.js";

/** What validate reported before the fast pass: the whole walk, then the rules. */
function walkThenRules(input: unknown): Issue[] {
  const request = typeof input === "object" && input !== null && !Array.isArray(input) ? input : undefined;
  const steps = request !== undefined && Array.isArray((request as { Steps?: unknown }).Steps);
  const issues: Issue[] = check(validateAddJobFlowStepsInput, input).map((i) => ({ ...i, source: MODEL_SOURCE }));
  runEmrRules(
    {
      steps: steps ? ((request as { Steps: unknown[] }).Steps as unknown[]) : undefined,
      executionRoleArn: (request as { ExecutionRoleArn?: unknown } | undefined)?.ExecutionRoleArn,
      context: {},
    },
    issues,
  );
  return issues;
}

const inputs = fc.oneof(
  { arbitrary: hostileInput, weight: 3 },
  validRequest() as fc.Arbitrary<unknown>,
  requestWithOneViolation().map((v) => v.request as unknown),
);

describe("the fast pass of validate", () => {
  let valid = 0;
  let total = 0;
  afterAll(() => console.log(`fast pass: ${total} inputs (${valid} valid to the model), predicate and walk agree`));

  it("is the registry's AddJobFlowStepsInput predicate", () => {
    expect(predicates.AddJobFlowStepsInput).toBe(isValidAddJobFlowStepsInput);
    expect(validators.AddJobFlowStepsInput).toBe(validateAddJobFlowStepsInput);
  });

  it(`agrees with the walk and the reference check, and validate's issues are unchanged (${FUZZ_RUNS} inputs)`, () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const fast = isValidAddJobFlowStepsInput(input);
        expect(fast).toBe(check(validateAddJobFlowStepsInput, input).length === 0);
        expect(fast).toBe(referenceCheck(input).length === 0);
        expect(validate(input).issues).toEqual(walkThenRules(input));
        total++;
        if (fast) valid++;
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("on a bare list of steps, counts the Steps segment toward the nesting limit as the walk does", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const steps = typeof input === "object" && input !== null ? (input as { Steps?: unknown }).Steps : input;
        const issues = check(validateStepConfigList, steps, ["Steps"]);
        // Through the registry's type, as validateSteps calls it: depth 1, for the `Steps` segment.
        expect(predicates.StepConfigList!(steps, 1)).toBe(issues.length === 0);
        expect(isValidStepConfigList(steps)).toBe(issues.length === 0);
        expect(validateSteps(steps).issues.filter((i) => i.source === MODEL_SOURCE)).toEqual(
          issues.map((i) => ({ ...i, source: MODEL_SOURCE })),
        );
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });
});
