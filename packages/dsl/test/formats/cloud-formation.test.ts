/**
 * AWS::EMR::Step takes ActionOnFailure CANCEL_AND_WAIT or CONTINUE only ("Possible values are CANCEL_AND_WAIT and
 * CONTINUE", CloudFormation Template Reference, AWS::EMR::Step): toCloudFormation refuses the rest by name.
 */
import { FormatError, type StepConfig, toCloudFormation } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const step = (ActionOnFailure: StepConfig["ActionOnFailure"]): StepConfig => ({
  Name: "a",
  ActionOnFailure,
  HadoopJarStep: { Jar: "j" },
});

describe("toCloudFormation: ActionOnFailure", () => {
  it.each(["CANCEL_AND_WAIT", "CONTINUE"] as const)("emits %s", (action) => {
    const template = toCloudFormation([step(action)], { jobFlowId: "j-1" });
    expect(template.Resources.EmrStep1!.Properties.ActionOnFailure).toBe(action);
  });

  it.each(["TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW"] as const)(
    "refuses %s, saying what the resource takes",
    (action) => {
      expect(() => toCloudFormation([step("CONTINUE"), step(action)], { jobFlowId: "j-1" })).toThrow(
        new FormatError(
          `toCloudFormation: Steps[1].ActionOnFailure is ${action}, which AWS::EMR::Step does not take (only CANCEL_AND_WAIT or CONTINUE); a step that shuts the cluster down on failure cannot be a CloudFormation resource`,
        ),
      );
    },
  );
});
