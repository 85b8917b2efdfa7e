/**
 * A context of the wrong type is the programmer's mistake, which the types already refuse: validate throws a
 * TypeError (RangeError for a number out of range) naming the member, rather than let the rule it feeds fall
 * silent, as `activeSteps: NaN` and `stepConcurrencyLevel: "2"` did.
 */
import { assertValid, type ValidationContext, validate, validateSteps } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const request = {
  JobFlowId: "j-1",
  Steps: [{ Name: "a", ActionOnFailure: "CANCEL_AND_WAIT", HadoopJarStep: { Jar: "j" } }],
};
const loose = (context: unknown) => context as ValidationContext;

describe("validate's context", () => {
  it.each([
    [
      { activeSteps: Number.NaN },
      RangeError,
      "validate: context.activeSteps must be a whole number from 0, but is NaN",
    ],
    [{ activeSteps: -1 }, RangeError, "validate: context.activeSteps must be a whole number from 0, but is -1"],
    [{ activeSteps: 1.5 }, RangeError, "validate: context.activeSteps must be a whole number from 0, but is 1.5"],
    [
      { activeSteps: Number.POSITIVE_INFINITY },
      RangeError,
      "validate: context.activeSteps must be a whole number from 0, but is Infinity",
    ],
    [{ activeSteps: "3" }, TypeError, 'validate: context.activeSteps must be a number, but is "3"'],
    [{ stepConcurrencyLevel: "2" }, TypeError, 'validate: context.stepConcurrencyLevel must be a number, but is "2"'],
    [
      { stepConcurrencyLevel: 0 },
      RangeError,
      "validate: context.stepConcurrencyLevel must be a whole number from 1 to 256, but is 0",
    ],
    [
      { stepConcurrencyLevel: 257 },
      RangeError,
      "validate: context.stepConcurrencyLevel must be a whole number from 1 to 256, but is 257",
    ],
    [
      { stepConcurrencyLevel: Number.NaN },
      RangeError,
      "validate: context.stepConcurrencyLevel must be a whole number from 1 to 256, but is NaN",
    ],
    [{ clusterState: 3 }, TypeError, "validate: context.clusterState must be a string, but is 3"],
    [
      { stepConcurrency: 2 },
      TypeError,
      "validate: context has no member stepConcurrency; did you mean stepConcurrencyLevel?",
    ],
    [null, TypeError, "validate: context must be an object, but is null"],
    [[], TypeError, "validate: context must be an object, but is an array"],
  ])("refuses %j", (context, kind, message) => {
    expect(() => validate(request, loose(context))).toThrow(new kind(message));
    expect(() => validate(request, loose(context))).toThrow(kind);
  });

  it("names the API that was called", () => {
    expect(() => validateSteps([], loose({ activeSteps: "1" }))).toThrow("validateSteps: context.activeSteps must be");
    expect(() => assertValid(request, loose({ activeSteps: "1" }))).toThrow("validate: context.activeSteps must be");
  });

  it("takes every well-typed context, undefined members included", () => {
    for (const context of [
      {},
      { activeSteps: 0, stepConcurrencyLevel: 1, clusterState: "WAITING" },
      { activeSteps: 255, stepConcurrencyLevel: 256, clusterState: "TERMINATING" },
      { activeSteps: undefined, stepConcurrencyLevel: undefined, clusterState: undefined },
    ]) {
      expect(() => validate(request, context)).not.toThrow();
    }
    expect(validate(request, { stepConcurrencyLevel: 2 }).ok).toBe(false);
  });
});
