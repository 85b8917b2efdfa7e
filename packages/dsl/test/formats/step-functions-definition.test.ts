/**
 * fromStepFunctions on definitions that are not a state machine: no definition, one without StartAt, a state
 * without its step. Each is refused with a FormatError that says what is missing, never read as no steps (which
 * would run nothing, silently) nor left to a TypeError from deep inside.
 */
import { FormatError, fromStepFunctions, type StepConfig, toStepFunctions } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const step: StepConfig = { Name: "etl", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "a.jar" } };
const task = (more: object = {}) => ({
  Type: "Task",
  Resource: "arn:aws:states:::elasticmapreduce:addStep.sync",
  Parameters: { ClusterId: "j-1", Step: step },
  End: true,
  ...more,
});
const refusal = (definition: unknown) => {
  try {
    fromStepFunctions(definition);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return (error as Error).message;
  }
  return "no error";
};

describe("fromStepFunctions refuses a definition that is not a state machine", () => {
  it("null, a list, a number or JSON text of one, saying what it got", () => {
    expect(refusal(null)).toBe(
      "fromStepFunctions: the definition must be an object with StartAt and States, but is null",
    );
    expect(refusal("null")).toBe(
      "fromStepFunctions: the definition must be an object with StartAt and States, but is null",
    );
    expect(refusal([])).toBe(
      "fromStepFunctions: the definition must be an object with StartAt and States, but is an array",
    );
    expect(refusal(7)).toBe(
      "fromStepFunctions: the definition must be an object with StartAt and States, but is a number",
    );
    expect(refusal(undefined)).toBe(
      "fromStepFunctions: the definition must be an object with StartAt and States, but is undefined",
    );
  });

  it("one with no StartAt, or a StartAt that is not a state's name", () => {
    expect(refusal({ States: { a: task() } })).toBe(
      "fromStepFunctions: StartAt is required, the name of the first state",
    );
    expect(refusal({ StartAt: 1, States: { 1: task() } })).toBe(
      "fromStepFunctions: StartAt must be a state's name, but is a number",
    );
  });

  it("a state whose Parameters hold no Step, named", () => {
    expect(refusal({ StartAt: "a", States: { a: task({ Parameters: { ClusterId: "j-1" } }) } })).toBe(
      'fromStepFunctions: state "a" has no Parameters.Step, the step it adds',
    );
    expect(refusal({ StartAt: "a", States: { a: task({ Parameters: { ClusterId: "j-1", Step: null } }) } })).toBe(
      'fromStepFunctions: state "a" has no Parameters.Step, the step it adds',
    );
    expect(refusal({ StartAt: "a", States: { a: task({ Parameters: undefined }) } })).toBe(
      'fromStepFunctions: state "a" has no Parameters.Step, the step it adds',
    );
  });

  it("reads every machine toStepFunctions writes back into its steps, as text too", () => {
    const steps = [step, { ...step, Name: "load" }];
    const machine = toStepFunctions(steps, { clusterId: "j-1", comment: "nightly" });
    expect(fromStepFunctions(machine)).toStrictEqual(steps);
    expect(fromStepFunctions(JSON.stringify(machine))).toStrictEqual(steps);
  });
});
