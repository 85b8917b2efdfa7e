import {
  CliStepsError,
  FormatError,
  fromCliSteps,
  fromCloudFormation,
  fromJson,
  fromStepFunctions,
  type StepConfig,
  toCliSteps,
  toCloudFormation,
  toStepFunctions,
} from "@emrkit/dsl";
import { validRequest, validSteps } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** A CliStepsError with exactly the CLI's message (its issues are checked in formats/cli-steps-check.test.ts). */
const cliError = (message: string) => expect.objectContaining({ constructor: CliStepsError, message });

describe("fromCliSteps", () => {
  it("applies the CLI's defaults and conversions", () => {
    expect(
      fromCliSteps([
        { Jar: "s3://b/x.jar", Args: ["a"], MainClass: "M", Properties: "a=1,b,c=x=y" },
        { Type: "spark", Args: ["--deploy-mode", "cluster", "app.py"] },
        { Type: "Hive", Args: ["-f", "q.hql"], Name: "h", ActionOnFailure: "CANCEL_AND_WAIT" },
        { Type: "PIG", Args: ["-f", "p.pig"], LogUri: "s3://logs/p/" },
        { Type: "STREAMING", Args: ["-input", "i"] },
      ]),
    ).toEqual([
      {
        Name: "Custom JAR",
        ActionOnFailure: "CONTINUE",
        HadoopJarStep: {
          Jar: "s3://b/x.jar",
          Args: ["a"],
          MainClass: "M",
          Properties: [
            { Key: "a", Value: "1" },
            { Key: "b", Value: "" },
            { Key: "c", Value: "x=y" },
          ],
        },
      },
      {
        Name: "Spark application",
        ActionOnFailure: "CONTINUE",
        HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit", "--deploy-mode", "cluster", "app.py"] },
      },
      {
        Name: "h",
        ActionOnFailure: "CANCEL_AND_WAIT",
        HadoopJarStep: {
          Jar: "command-runner.jar",
          Args: ["hive-script", "--run-hive-script", "--args", "-f", "q.hql"],
        },
      },
      {
        Name: "Pig program",
        ActionOnFailure: "CONTINUE",
        HadoopJarStep: { Jar: "command-runner.jar", Args: ["pig-script", "--run-pig-script", "--args", "-f", "p.pig"] },
        StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://logs/p/" } },
      },
      {
        Name: "Streaming program",
        ActionOnFailure: "CONTINUE",
        HadoopJarStep: { Jar: "command-runner.jar", Args: ["hadoop-streaming", "-input", "i"] },
      },
    ]);
  });

  it("gives the CLI's errors for what it refuses", () => {
    const cases: [unknown, string][] = [
      [[{ Args: ["a"] }], "aws: error: The following required parameters are missing for CustomJARStepConfig: Jar."],
      [[{ Type: "Hive" }], "aws: error: The following required parameters are missing for HiveStepConfig: Args."],
      [
        [{ Type: "Spark", Args: [] }],
        "aws: error: The following required parameters are missing for SparkStepConfig: Args.",
      ],
      [[{ Type: "Pig", Args: [" "] }], "aws: error: The parameter Args cannot be an empty list."],
      [[{ Type: "Flink", Args: ["x"] }], "aws: error: The step type flink is not supported."],
      [[{ Type: "Impala", Args: ["x"] }], "aws: error: The step type impala is not supported."],
    ];
    for (const [input, message] of cases) expect(() => fromCliSteps(input)).toThrow(cliError(message));
    expect(() => fromCliSteps("{not json")).toThrow(FormatError);
  });

  it("uses the AMI forms when asked", () => {
    expect(
      fromCliSteps([{ Type: "Hive", Args: ["-f", "q"] }], { ami: true, region: "eu-west-1" })[0]!.HadoopJarStep,
    ).toEqual({
      Jar: "s3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar",
      Args: [
        "s3://eu-west-1.elasticmapreduce/libs/hive/hive-script",
        "--run-hive-script",
        "--hive-versions",
        "latest",
        "--args",
        "-f",
        "q",
      ],
    });
  });
});

describe("round trips", () => {
  it("CLI steps: toCliSteps then fromCliSteps gives the same steps, in both forms", () => {
    const form = fc.constantFrom(undefined, { ami: true, region: "ap-south-1" });
    fc.assert(
      fc.property(validSteps({ portable: true }), form, (steps, f) => {
        expect(fromCliSteps(JSON.stringify(toCliSteps(steps, f)), f)).toEqual(steps);
      }),
    );
  });

  it("CLI steps: typed steps come back as their type", () => {
    const steps = fromCliSteps([{ Type: "Spark", Name: "s", Args: ["a.py"] }]);
    expect(toCliSteps(steps)).toEqual([{ Type: "SPARK", Name: "s", ActionOnFailure: "CONTINUE", Args: ["a.py"] }]);
  });

  it("CLI steps: refuses what the CLI cannot express", () => {
    const base: StepConfig = { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "j" } };
    expect(() => toCliSteps([{ ...base, Name: "" }])).toThrow("toCliSteps: Steps[0].Name is empty");
    expect(() =>
      toCliSteps([{ ...base, HadoopJarStep: { Jar: "j", Properties: [{ Key: "a,b", Value: "1" }] } }]),
    ).toThrow('toCliSteps: Steps[0].HadoopJarStep.Properties[0] has "=" or ","');
  });

  it("CloudFormation and Step Functions round-trip", () => {
    fc.assert(
      fc.property(validSteps({ portable: true }), (steps) => {
        const template = toCloudFormation(steps, { jobFlowId: { Ref: "Cluster" } });
        expect(fromCloudFormation(JSON.stringify(template))).toEqual(steps);
        expect(fromStepFunctions(JSON.stringify(toStepFunctions(steps, { clusterId: "j-1" })))).toEqual(steps);
      }),
    );
  });

  it("Step Functions keeps monitoring; fromJson reads requests back", () => {
    fc.assert(
      fc.property(validRequest(), (request) => {
        expect(fromStepFunctions(toStepFunctions(request.Steps, { clusterId: request.JobFlowId }))).toEqual(
          request.Steps,
        );
        const read = fromJson(JSON.stringify(request));
        expect(read).toMatchObject({ ok: true, kind: "request", request });
      }),
    );
  });
});

describe("toCloudFormation and toStepFunctions output", () => {
  const steps: StepConfig[] = [
    { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "j", Properties: [{ Key: "k", Value: "v" }] } },
    { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "j" } },
  ];

  it("spells properties StepProperties and chains DependsOn", () => {
    expect(toCloudFormation(steps, { jobFlowId: "j-1" })).toEqual({
      Resources: {
        EmrStep1: {
          Type: "AWS::EMR::Step",
          Properties: {
            Name: "a",
            ActionOnFailure: "CONTINUE",
            JobFlowId: "j-1",
            HadoopJarStep: { Jar: "j", StepProperties: [{ Key: "k", Value: "v" }] },
          },
        },
        EmrStep2: {
          Type: "AWS::EMR::Step",
          DependsOn: "EmrStep1",
          Properties: { Name: "a", ActionOnFailure: "CONTINUE", JobFlowId: "j-1", HadoopJarStep: { Jar: "j" } },
        },
      },
    });
  });

  it("chains addStep.sync tasks with unique state names", () => {
    const machine = toStepFunctions(steps, { clusterId: "j-1" });
    expect(machine.StartAt).toBe("a");
    expect(machine.States.a).toMatchObject({
      Type: "Task",
      Resource: "arn:aws:states:::elasticmapreduce:addStep.sync",
      Next: "a (2)",
    });
    expect(machine.States["a (2)"]).toMatchObject({ End: true, Parameters: { ClusterId: "j-1", Step: steps[1] } });
  });
});

describe("fromJson", () => {
  it("points issues into the input as given", () => {
    expect(fromJson('[{"Name":"a","HadoopJarStep":{"Jar":"j"}},{"Name":"b","HadoopJarStep":{}}]').issues).toEqual([
      expect.objectContaining({ code: "required", path: "[1].HadoopJarStep.Jar" }),
    ]);
    expect(fromJson({ Name: "a", HadoopJarStep: { Jar: 1 } }).issues[0]).toMatchObject({ path: "HadoopJarStep.Jar" });
    expect(fromJson({ Steps: [{ Name: "a" }] }).issues[0]).toMatchObject({ path: "Steps[0].HadoopJarStep" });
    expect(fromJson("{oops")).toMatchObject({ ok: false, issues: [{ code: "type", path: "" }] });
    expect(fromJson([{ Name: "a", HadoopJarStep: { Jar: "j" } }])).toMatchObject({ ok: true, kind: "steps" });
  });
});
