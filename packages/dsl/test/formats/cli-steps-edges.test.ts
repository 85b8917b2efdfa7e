/**
 * The AWS CLI's `--steps` form at its edges, both ways: what fromCliSteps refuses (entries that are not objects, one
 * blank argument for a typed step, a type the CLI does not know, Impala off AMI clusters), what it leaves out (an
 * empty Properties string), and what toCliSteps cannot write as the CLI would send it (empty members, a monitoring
 * configuration with nothing in it) or writes as CUSTOM_JAR (a typed step the CLI would refuse, or one made for
 * another cluster form). The CLI's words are its own (awscli/customizations/emr/steputils.py, exceptions.py).
 */
import { CliStepsError, fromCliSteps, type StepConfig, toCliSteps } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

/** The error `run` throws: its class, message and (for CliStepsError) its issues' code@path. */
function thrown(run: () => unknown): { type: string; message: string; at: string[] } {
  try {
    run();
  } catch (error) {
    const issues = error instanceof CliStepsError ? error.issues : [];
    return {
      type: (error as Error).constructor.name,
      message: (error as Error).message,
      at: issues.map((i) => `${i.code}@${i.path}`),
    };
  }
  throw new Error("nothing thrown");
}

const AMI = { ami: true, region: "us-east-1" } as const;

describe("fromCliSteps at its edges", () => {
  it("refuses an entry that is not an object, naming its index", () => {
    for (const bad of [1, null, ["Type", "Spark"], "Spark"]) {
      expect(thrown(() => fromCliSteps([{ Type: "Spark", Args: ["a.py"] }, bad]))).toEqual({
        type: "FormatError",
        message: "fromCliSteps: [1] must be an object",
        at: [],
      });
    }
    expect(thrown(() => fromCliSteps({ Type: "Spark" }))).toMatchObject({
      message: "fromCliSteps: the steps must be a JSON list",
    });
  });

  it("refuses one blank argument for a Hive, Pig or Streaming step, and lets Spark have it", () => {
    for (const Type of ["Hive", "Pig", "Streaming"]) {
      expect(
        thrown(() =>
          fromCliSteps([
            { Type: "Spark", Args: ["a.py"] },
            { Type, Args: ["  "] },
          ]),
        ),
      ).toEqual({
        type: "CliStepsError",
        message: "aws: error: The parameter Args cannot be an empty list.",
        at: ["length@[1].Args"],
      });
    }
    expect(fromCliSteps([{ Type: "Spark", Args: [" "] }])[0]!.HadoopJarStep.Args).toEqual(["spark-submit", " "]);
    expect(fromCliSteps([{ Type: "Hive", Args: [" ", "x"] }])[0]!.HadoopJarStep.Args?.slice(-2)).toEqual([" ", "x"]);
  });

  it("refuses a type the CLI does not know, in the CLI's words (lower-cased)", () => {
    expect(thrown(() => fromCliSteps([{ Jar: "a.jar" }, { Type: "Flink", Args: ["x"] }]))).toEqual({
      type: "CliStepsError",
      message: "aws: error: The step type flink is not supported.",
      at: ["enum@[1].Type"],
    });
  });

  it("refuses Impala on a release-label cluster; on an AMI cluster it needs Args and runs the setup script", () => {
    expect(thrown(() => fromCliSteps([{ Type: "Impala", Args: ["q"] }]))).toEqual({
      type: "CliStepsError",
      message: "aws: error: The step type impala is not supported.",
      at: ["enum@[0].Type"],
    });
    expect(thrown(() => fromCliSteps([{ Type: "Impala" }], AMI))).toEqual({
      type: "CliStepsError",
      message: "aws: error: The following required parameters are missing for ImpalaStepConfig: Args.",
      at: ["required@[0].Args"],
    });
    const [step] = fromCliSteps([{ Type: "Impala", Args: ["--x"] }], AMI);
    expect(step!.Name).toBe("Impala program");
    expect(step!.HadoopJarStep.Args).toEqual([
      "s3://us-east-1.elasticmapreduce/libs/impala/setup-impala",
      "--run-impala-script",
      "--x",
    ]);
  });

  // emrutils.parse_key_value_string splits on "," whatever the text: "" is one pair with an empty key, which
  // apply_dict keeps (a list of one is not empty) and EMR then judges.
  it("reads an empty Properties string as the CLI does: one pair with an empty key and value", () => {
    expect(fromCliSteps([{ Jar: "a.jar", Properties: "" }])[0]!.HadoopJarStep).toEqual({
      Jar: "a.jar",
      Properties: [{ Key: "", Value: "" }],
    });
  });
});

describe("toCliSteps at its edges", () => {
  const jarStep = (HadoopJarStep: StepConfig["HadoopJarStep"], more: Partial<StepConfig> = {}): StepConfig => ({
    Name: "s",
    HadoopJarStep,
    ...more,
  });
  const refusal = (steps: StepConfig[]) => thrown(() => toCliSteps(steps));

  it("refuses empty members the CLI would refuse or leave out, naming the step and member", () => {
    const ok = jarStep({ Jar: "a.jar" });
    expect(refusal([ok, jarStep({ Jar: "" })])).toEqual({
      type: "FormatError",
      message: "toCliSteps: Steps[1].HadoopJarStep.Jar is empty, which the CLI refuses",
      at: [],
    });
    expect(refusal([jarStep({ Jar: "a.jar", MainClass: "" })]).message).toBe(
      "toCliSteps: Steps[0].HadoopJarStep.MainClass is empty, which the CLI leaves out",
    );
    expect(refusal([jarStep({ Jar: "a.jar", Args: [] })]).message).toBe(
      "toCliSteps: Steps[0].HadoopJarStep.Args is an empty list, which the CLI leaves out",
    );
  });

  it("refuses a monitoring configuration it cannot send, and empty LogUri or EncryptionKeyArn", () => {
    const jar = { Jar: "a.jar" };
    for (const StepMonitoringConfiguration of [{}, { S3MonitoringConfiguration: {} }]) {
      expect(refusal([jarStep(jar, { StepMonitoringConfiguration })]).message).toBe(
        "toCliSteps: Steps[0].StepMonitoringConfiguration has no LogUri or EncryptionKeyArn, which the CLI cannot send",
      );
    }
    const s3 = (S3MonitoringConfiguration: object) =>
      jarStep(jar, { StepMonitoringConfiguration: { S3MonitoringConfiguration } });
    expect(refusal([s3({ LogUri: "", EncryptionKeyArn: "arn:aws:kms:us-east-1:1:key/k" })]).message).toBe(
      "toCliSteps: Steps[0].LogUri is empty, which the CLI leaves out",
    );
    expect(refusal([s3({ LogUri: "s3://l/", EncryptionKeyArn: "" })]).message).toBe(
      "toCliSteps: Steps[0].EncryptionKeyArn is empty, which the CLI leaves out",
    );
    expect(toCliSteps([s3({ LogUri: "s3://l/" }), s3({ EncryptionKeyArn: "arn:k" })])).toEqual([
      { Type: "CUSTOM_JAR", Jar: "a.jar", Name: "s", LogUri: "s3://l/" },
      { Type: "CUSTOM_JAR", Jar: "a.jar", Name: "s", EncryptionKeyArn: "arn:k" },
    ]);
  });

  it("writes a typed step the CLI would refuse as CUSTOM_JAR: no arguments, or one blank one (but for Spark)", () => {
    const typed = (Type: string, args: string[]) => {
      const [step] = fromCliSteps([{ Type, Args: ["placeholder"] }]);
      const all = step!.HadoopJarStep.Args!;
      return { ...step!, HadoopJarStep: { ...step!.HadoopJarStep, Args: [...all.slice(0, -1), ...args] } };
    };
    expect(toCliSteps([typed("Spark", [" "])])[0]).toMatchObject({ Type: "SPARK", Args: [" "] });
    expect(toCliSteps([typed("Hive", ["-f", "q.sql"])])[0]).toMatchObject({ Type: "HIVE", Args: ["-f", "q.sql"] });
    for (const [Type, args] of [
      ["Hive", [" "]],
      ["Pig", [""]],
      ["Spark", []],
    ] as const) {
      expect(toCliSteps([typed(Type, [...args])])[0], `${Type} ${JSON.stringify(args)}`).toMatchObject({
        Type: "CUSTOM_JAR",
      });
    }
  });

  it("writes a step made for another cluster form as CUSTOM_JAR: release label against AMI, or another region", () => {
    const [ami] = fromCliSteps([{ Type: "Hive", Args: ["-f", "q.sql"] }], AMI);
    expect(toCliSteps([ami!], AMI)[0]).toMatchObject({ Type: "HIVE", Args: ["-f", "q.sql"] });
    expect(toCliSteps([ami!])[0]).toMatchObject({ Type: "CUSTOM_JAR" });
    expect(toCliSteps([ami!], { ami: true, region: "eu-west-1" })[0]).toMatchObject({ Type: "CUSTOM_JAR" });
    const [release] = fromCliSteps([{ Type: "Hive", Args: ["-f", "q.sql"] }]);
    expect(toCliSteps([release!], AMI)[0]).toMatchObject({ Type: "CUSTOM_JAR" });
  });
});
