/**
 * `aws emr add-steps --steps` JSON checked as the AWS CLI checks it (its STEPS_SCHEMA, through botocore's
 * ParamValidator): unknown keys and wrong types refused, with a near-miss suggestion; then the StepConfigs it would
 * send checked by validate, every issue's path pointing into the CLI input (`[0].Args[1]`).
 */
import { CliStepsError, checkCliSteps, fromCliSteps, secret } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const at = (result: { issues: readonly { code: string; path: string }[] }) =>
  result.issues.map((issue) => `${issue.code}@${issue.path}`);

describe("fromCliSteps refuses what the AWS CLI refuses", () => {
  it("an unknown key, with the CLI's words and a near miss", () => {
    const input = [{ Type: "Spark", Name: "s", ActionOnfailure: "TERMINATE_CLUSTER", Args: ["s3://b/x.py"] }];
    let error: unknown;
    try {
      fromCliSteps(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliStepsError);
    expect((error as Error).message).toBe(
      'Parameter validation failed:\nUnknown parameter in [0]: "ActionOnfailure", must be one of: Type, Name, ActionOnFailure, Jar, Args, MainClass, Properties, LogUri, EncryptionKeyArn; did you mean "ActionOnFailure"?',
    );
    expect((error as CliStepsError).issues).toEqual([
      expect.objectContaining({ code: "unknown-member", path: "[0].ActionOnfailure", suggestion: "ActionOnFailure" }),
    ]);
  });

  it("wrong types, each at its path", () => {
    expect(() => fromCliSteps([{ Jar: "j", Args: "a b" }])).toThrow(
      'Parameter validation failed:\nInvalid type for parameter [0].Args, value: "a b", valid types: list',
    );
    expect(() => fromCliSteps([{ Jar: "j", Args: ["a", 2] }, { Jar: 3 }])).toThrow(
      "Parameter validation failed:\nInvalid type for parameter [0].Args[1], value: 2, valid types: string\nInvalid type for parameter [1].Jar, value: 3, valid types: string",
    );
    expect(() => fromCliSteps([{ Jar: "j", Name: null }])).toThrow("Invalid type for parameter [0].Name, value: null");
    expect(() => fromCliSteps([{ Jar: "j", Properties: [{ Key: "a" }] }])).toThrow(
      "Invalid type for parameter [0].Properties",
    );
  });

  it("takes every key the CLI knows", () => {
    expect(
      fromCliSteps([
        {
          Type: "CUSTOM_JAR",
          Name: "n",
          ActionOnFailure: "CONTINUE",
          Jar: "j",
          Args: ["a"],
          MainClass: "M",
          Properties: "k=v",
          LogUri: "s3://logs-bucket/",
          EncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k",
        },
      ]),
    ).toHaveLength(1);
  });
});

describe("checkCliSteps", () => {
  it("gives the steps and no issue for a valid file", () => {
    const result = checkCliSteps('[{"Type":"Spark","Name":"s","Args":["s3://b/x.py"]}]');
    expect(result).toMatchObject({ ok: true, issues: [] });
    expect(result.steps).toEqual(fromCliSteps([{ Type: "Spark", Name: "s", Args: ["s3://b/x.py"] }]));
  });

  it("points issues of the converted steps into the CLI input", () => {
    const result = checkCliSteps([
      { Type: "Spark", Name: "s", Args: ["--x", "bell\u0007"] },
      { Name: "s", Jar: "command-runner.jar", Args: ["echo", ""], LogUri: "s3://my..bucket/" },
      { Type: "Hive", Name: "h", Args: ["-f", "q.hql"], ActionOnFailure: "RETRY" },
      { Name: "big", Jar: "j", Args: ["x".repeat(10_240)] },
      { Name: "k", Jar: "j", Properties: "a=\u0001", EncryptionKeyArn: "alias/x" },
    ]);
    expect(result.ok).toBe(false);
    expect(at(result)).toEqual([
      "pattern@[0].Args[1]",
      "enum@[2].ActionOnFailure",
      "pattern@[4].Properties",
      "duplicate-step-name@[1].Name",
      "invalid-s3-uri@[1].LogUri",
      "empty-command-runner-arg@[1].Args[1]",
      "hadoop-jar-step-too-long@[3]",
      "invalid-kms-key-arn@[4].EncryptionKeyArn",
    ]);
    const duplicate = result.issues.find((issue) => issue.code === "duplicate-step-name")!;
    expect(duplicate.message).toContain("the same as [0].Name");
  });

  it("names the entry for what the CLI itself adds or leaves out", () => {
    expect(at(checkCliSteps([{ Name: "", Jar: "j" }]))).toEqual(["required@[0].Name"]);
    expect(
      at(
        checkCliSteps([
          { Type: "Spark", Name: "s", Args: ["--x"] },
          { Jar: "j", Name: "n", MainClass: "a b c" },
        ]),
      ),
    ).toEqual([]);
  });

  it("turns the CLI's refusals and the shape errors into issues", () => {
    expect(at(checkCliSteps([{ Args: ["a"] }]))).toEqual(["required@[0].Jar"]);
    expect(at(checkCliSteps([{ Type: "Hive" }]))).toEqual(["required@[0].Args"]);
    expect(at(checkCliSteps([{ Type: "Pig", Args: [" "] }]))).toEqual(["length@[0].Args"]);
    expect(at(checkCliSteps([{ Type: "Flink", Args: ["x"] }]))).toEqual(["enum@[0].Type"]);
    expect(at(checkCliSteps([{ Jar: "j", Args: [1] }, 3]))).toEqual(["type@[0].Args[0]", "type@[1]"]);
    expect(at(checkCliSteps({ Jar: "j" }))).toEqual(["type@"]);
    expect(at(checkCliSteps("[oops"))).toEqual(["type@"]);
    const typo = checkCliSteps([{ Jar: "j", mainclass: "M" }]);
    expect(typo.issues[0]).toMatchObject({ code: "unknown-member", path: "[0].mainclass", suggestion: "MainClass" });
    expect(typo.issues[0]!.message).toBe(
      'is not a parameter of a --steps entry (Unknown parameter in [0]: "mainclass"); did you mean MainClass?',
    );
    expect(typo.steps).toBeUndefined();
  });

  it("takes the cluster context and the AMI form", () => {
    const steps = [{ Type: "Hive", Name: "h", Args: ["-f", "q"], ActionOnFailure: "CANCEL_AND_WAIT" }];
    expect(at(checkCliSteps(steps, { context: { stepConcurrencyLevel: 2 } }))).toEqual([
      "action-on-failure-with-concurrency@[0].ActionOnFailure",
    ]);
    const ami = checkCliSteps([{ Type: "Hive", Name: "h", Args: ["-f", "bell\u0007"] }], {
      ami: true,
      region: "eu-west-1",
    });
    expect(at(ami)).toEqual(["pattern@[0].Args[1]"]);
  });

  it("keeps secrets out of its issues", () => {
    const key = secret("cli-S3cr3t-key-name");
    const value = secret("cli-S3cr3t-type");
    // The CLI stops at its shape check: an unknown key, then (alone) a Type it does not support.
    const shape = checkCliSteps([
      { Jar: "j", [key]: 1 },
      { Type: value, Args: ["x"] },
    ]);
    const type = checkCliSteps([{ Type: value, Args: ["x"] }]);
    expect(JSON.stringify([shape.issues, type.issues])).not.toContain("S3cr3t");
    expect(at(shape)).toEqual(['unknown-member@[0]["***"]']);
    expect(at(type)).toEqual(["enum@[0].Type"]);
    expect(() => fromCliSteps([{ Jar: "j", [key]: 1 }])).toThrow('Unknown parameter in [0]: "***"');
  });
});
