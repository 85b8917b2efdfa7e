/**
 * AWS::EMR::Step takes ActionOnFailure CANCEL_AND_WAIT or CONTINUE only ("Possible values are CANCEL_AND_WAIT and
 * CONTINUE", CloudFormation Template Reference, AWS::EMR::Step): toCloudFormation refuses the rest by name.
 */
import { FormatError, fromCloudFormation, type StepConfig, toCloudFormation } from "@emrkit/dsl";
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

const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/**
 * A step's S3 logging is AWS::EMR::Step's own LogUri and EncryptionKeyArn, flat beside Name (Template Reference,
 * AWS::EMR::Step: "When omitted, EMR falls back to cluster-level logging behavior").
 */
describe("toCloudFormation: the step's logs", () => {
  const logged = (s3: Record<string, string>): StepConfig => ({
    ...step("CONTINUE"),
    StepMonitoringConfiguration: { S3MonitoringConfiguration: s3 },
  });

  it("writes LogUri and EncryptionKeyArn as the resource's properties, and reads them back", () => {
    const steps = [
      logged({ LogUri: "s3://logs/a/", EncryptionKeyArn: KMS }),
      logged({ LogUri: "s3://logs/b/" }),
      step("CONTINUE"),
    ];
    const template = toCloudFormation(steps, { jobFlowId: "j-1" });
    expect(template.Resources.EmrStep1!.Properties).toMatchObject({ LogUri: "s3://logs/a/", EncryptionKeyArn: KMS });
    expect(template.Resources.EmrStep2!.Properties.LogUri).toBe("s3://logs/b/");
    expect(template.Resources.EmrStep2!.Properties).not.toHaveProperty("EncryptionKeyArn");
    expect(template.Resources.EmrStep3!.Properties).not.toHaveProperty("LogUri");
    expect(fromCloudFormation(JSON.parse(JSON.stringify(template)))).toEqual(steps);
  });

  it("refuses, by name, monitoring AWS::EMR::Step has no property for", () => {
    const odd = {
      ...step("CONTINUE"),
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://l/", Other: "x" } },
    };
    expect(() => toCloudFormation([odd as StepConfig], { jobFlowId: "j-1" })).toThrow(
      new FormatError(
        "toCloudFormation: Steps[0].StepMonitoringConfiguration has Other, which AWS::EMR::Step cannot express: it takes LogUri and EncryptionKeyArn only",
      ),
    );
  });
});
