/**
 * AWS::EMR::Step both ways: every step a template can hold comes back exactly (no member added, not even one set to
 * undefined, none lost: logs, properties), whatever else the template holds; and what it cannot hold is refused
 * with a message that names the step and the member (CloudFormation Template Reference, AWS::EMR::Step).
 */
import { FormatError, fromCloudFormation, type StepConfig, toCloudFormation } from "@emrkit/dsl";
import { kmsKeyArn, logUri, validSteps } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonReason } from "./json-reason.js";

const RUNS = 200;
const monitoring = fc
  .record({ LogUri: logUri, EncryptionKeyArn: kmsKeyArn }, { requiredKeys: [] })
  .map((s3) => ({ S3MonitoringConfiguration: s3 }));
const logged: fc.Arbitrary<StepConfig[]> = validSteps({ portable: true }).chain((steps) =>
  fc
    .tuple(...steps.map(() => fc.option(monitoring, { nil: undefined })))
    .map((logs) =>
      steps.map((step, i) => (logs[i] === undefined ? step : { ...step, StepMonitoringConfiguration: logs[i] })),
    ),
);
const template = (steps: StepConfig[]) => toCloudFormation(steps, { jobFlowId: { Ref: "Cluster" } });
const refusal = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).name).toBe("FormatError");
    return (error as Error).message;
  }
  return "no error";
};

describe("AWS::EMR::Step round trip", () => {
  it(`gives back exactly the steps written, logs and properties included (${RUNS} lists)`, () => {
    fc.assert(
      fc.property(logged, (steps) => {
        // An empty S3MonitoringConfiguration has nothing for the resource to hold: it comes back as no monitoring.
        const kept = steps.map((step) =>
          Object.keys(step.StepMonitoringConfiguration?.S3MonitoringConfiguration ?? {}).length > 0
            ? step
            : (({ StepMonitoringConfiguration: _, ...rest }) => rest)(step),
        );
        // As plain JSON data (fast-check's records have no prototype); a member set to undefined still differs.
        expect(fromCloudFormation(JSON.stringify(template(steps)))).toStrictEqual(JSON.parse(JSON.stringify(kept)));
      }),
      { numRuns: RUNS },
    );
  });

  it("reads only the AWS::EMR::Step resources of a template, whatever else it holds", () => {
    const steps: StepConfig[] = [
      { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "a.jar" } },
      { Name: "b", ActionOnFailure: "CANCEL_AND_WAIT", HadoopJarStep: { Jar: "b.jar", Args: ["x"] } },
    ];
    const { Resources } = template(steps);
    const whole = {
      AWSTemplateFormatVersion: "2010-09-09",
      Resources: {
        Cluster: { Type: "AWS::EMR::Cluster", Properties: { Name: "c", ReleaseLabel: "emr-7.0.0" } },
        Nothing: null,
        ...Resources,
      },
    };
    expect(fromCloudFormation(whole)).toStrictEqual(steps);
    expect(fromCloudFormation({ Resources: {} })).toStrictEqual([]);
  });

  // Resources is a template's one required section (CloudFormation User Guide, "Template sections"): a value
  // without it is no template, and reading it as one without steps would deploy nothing, silently.
  it("refuses what is not a template: not an object, or no Resources object, saying what it got", () => {
    const must = "fromCloudFormation: the template must be an object with a Resources object, but is";
    expect(refusal(() => fromCloudFormation(null))).toBe(`${must} null`);
    expect(refusal(() => fromCloudFormation("[]"))).toBe(`${must} an array`);
    expect(refusal(() => fromCloudFormation(7))).toBe(`${must} a number`);
    expect(refusal(() => fromCloudFormation('"AWS::EMR::Step"'))).toBe(`${must} a string`);
    expect(refusal(() => fromCloudFormation({ AWSTemplateFormatVersion: "2010-09-09" }))).toBe(
      `${must} one without Resources`,
    );
    expect(refusal(() => fromCloudFormation({ Resources: [] }))).toBe(`${must} one whose Resources is an array`);
  });
});

describe("toCloudFormation refuses what AWS::EMR::Step cannot hold, saying where", () => {
  const base: StepConfig = { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "a.jar" } };

  it("a logical id prefix that is not alphanumeric", () => {
    for (const prefix of ["Emr-Step", "-EmrStep", "EmrStep-", ""]) {
      expect(refusal(() => toCloudFormation([base], { jobFlowId: "j-1", logicalIdPrefix: prefix }))).toBe(
        "toCloudFormation: logicalIdPrefix must be alphanumeric",
      );
    }
    expect(
      Object.keys(toCloudFormation([base, base], { jobFlowId: "j-1", logicalIdPrefix: "Nightly2" }).Resources),
    ).toEqual(["Nightly21", "Nightly22"]);
  });

  it("a step without ActionOnFailure, which the resource requires", () => {
    const { ActionOnFailure: _, ...bare } = base;
    expect(refusal(() => toCloudFormation([base, bare as StepConfig], { jobFlowId: "j-1" }))).toBe(
      "toCloudFormation: Steps[1].ActionOnFailure is required by AWS::EMR::Step",
    );
  });

  it("a property without its Key or its Value", () => {
    const half = { ...base, HadoopJarStep: { Jar: "a.jar", Properties: [{ Key: "k", Value: "v" }, { Key: "k2" }] } };
    expect(refusal(() => toCloudFormation([half], { jobFlowId: "j-1" }))).toBe(
      "toCloudFormation: Steps[0].HadoopJarStep.Properties[1] needs both Key and Value in CloudFormation",
    );
  });

  it("text that is not JSON, with JSON's own reason", () => {
    const why = jsonReason("{ Resources");
    expect(refusal(() => fromCloudFormation("{ Resources"))).toBe(`fromCloudFormation: the input is not JSON (${why})`);
  });
});
