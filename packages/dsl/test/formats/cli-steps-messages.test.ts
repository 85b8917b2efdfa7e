/**
 * What checkCliSteps tells a user about their `--steps` file: each refusal whole (the AWS CLI's own words inside
 * it), at the path in their file, with ok false and no steps; and cliPath's map from the request's paths to the
 * file's, for every member the CLI moves, adds or renames.
 */
import {
  CliStepsError,
  checkCliSteps,
  cliPath,
  FormatError,
  fromCliSteps,
  parsePropertiesString,
  toCliSteps,
} from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { jsonReason } from "./json-reason.js";

const CLI = "AWS CLI, aws emr add-steps --steps (awscli/customizations/emr/argumentschema.py)";
const refused = (path: string, code: string, message: string) => ({
  ok: false,
  steps: undefined,
  issues: [{ code, severity: "error", path, message, source: CLI }],
});

describe("checkCliSteps' refusals, whole", () => {
  it("text that is not JSON, with JSON's reason", () => {
    const why = jsonReason("[oops");
    expect(checkCliSteps("[oops")).toStrictEqual(refused("", "type", `is not JSON: ${why}`));
  });

  it("JSON that is not a list, and entries that are not objects, by index", () => {
    expect(checkCliSteps('{"Jar":"j"}')).toStrictEqual(refused("", "type", "must be a JSON list of --steps entries"));
    for (const entry of ["a.jar", 3, null, [], true]) {
      expect(checkCliSteps([{ Jar: "j" }, entry])).toStrictEqual(
        refused("[1]", "type", "must be an object, a --steps entry"),
      );
    }
  });

  it("the CLI's own refusals, its words in parentheses", () => {
    expect(checkCliSteps([{ Type: "Flink", Args: ["x"] }])).toStrictEqual(
      refused(
        "[0].Type",
        "enum",
        "is flink, which the AWS CLI does not support (aws: error: The step type flink is not supported.)",
      ),
    );
    expect(checkCliSteps([{ Type: "Pig", Args: [" "] }])).toStrictEqual(
      refused(
        "[0].Args",
        "length",
        "holds one blank argument, which the AWS CLI refuses (aws: error: The parameter Args cannot be an empty list.)",
      ),
    );
    expect(checkCliSteps([{ Type: "Impala", Args: ["q"] }])).toStrictEqual(
      refused(
        "[0].Type",
        "enum",
        "is impala, which the AWS CLI supports on AMI clusters only (aws: error: The step type impala is not supported.)",
      ),
    );
    expect(checkCliSteps([{ Type: "Hive" }])).toStrictEqual(
      refused(
        "[0].Args",
        "required",
        "is required for a HIVE step (aws: error: The following required parameters are missing for HiveStepConfig: Args.)",
      ),
    );
  });
});

describe("fromCliSteps' refusal", () => {
  it("is a CliStepsError by class and by name, with the CLI's message and the issues", () => {
    let thrown: unknown;
    try {
      fromCliSteps([{ Type: "Flink", Args: ["x"] }]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliStepsError);
    expect((thrown as CliStepsError).name).toBe("CliStepsError");
    expect((thrown as CliStepsError).message).toBe("aws: error: The step type flink is not supported.");
    expect((thrown as CliStepsError).issues.map((issue) => issue.path)).toEqual(["[0].Type"]);
  });

  it("of text that is not JSON is a FormatError naming fromCliSteps, with JSON's reason", () => {
    expect(() => fromCliSteps("[oops")).toThrow(
      new FormatError(`fromCliSteps: the input is not JSON (${jsonReason("[oops")})`),
    );
  });
});

describe("checkCliSteps' paths into the file", () => {
  const at = (input: unknown) => checkCliSteps(input).issues.map((issue) => `${issue.code}@${issue.path}`);

  it("a Jar entry's own Jar and MainClass, by their names", () => {
    expect(at([{ Name: "a", Jar: "bell\u0007.jar" }])).toEqual(["pattern@[0].Jar"]);
    expect(at([{ Name: "a", Jar: "a.jar", MainClass: "Bell\u0007" }])).toEqual(["pattern@[0].MainClass"]);
  });

  it("a step named as one ten entries before, in the message too", () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ Name: i === 11 ? "s10" : `s${i}`, Jar: "a.jar" }));
    const duplicate = checkCliSteps(entries).issues.find((issue) => issue.code === "duplicate-step-name")!;
    expect(duplicate.path).toBe("[11].Name");
    expect(duplicate.message).toContain("the same as [10].Name;");
  });

  it("leaves the user's own value in any other message as it is, even one that reads like a path", () => {
    const [issue] = checkCliSteps([{ Name: "Steps[0].Name\u0007", Jar: "a.jar" }]).issues;
    expect(issue!.path).toBe("[0].Name");
    expect(issue!.message).toMatch(/, but is "Steps\[0\]\.Name\\u0007"$/);
  });
});

describe("cliPath", () => {
  const jar = { wrapped: false, head: 0 };
  const spark = { wrapped: true, head: 2 };
  it.each([
    ["Steps", [], ""],
    ["JobFlowId", [], "JobFlowId"],
    ["Steps[0].Name", [jar], "[0].Name"],
    ["Steps[1].ActionOnFailure", [jar, spark], "[1].ActionOnFailure"],
    ["Steps[0].HadoopJarStep.Jar", [jar], "[0].Jar"],
    ["Steps[0].HadoopJarStep.Jar", [spark], "[0].Type"],
    ["Steps[3].HadoopJarStep.Jar", [], "[3].Jar"],
    ["Steps[0].HadoopJarStep.MainClass", [jar], "[0].MainClass"],
    ["Steps[0].HadoopJarStep.Args", [spark], "[0].Args"],
    ["Steps[0].HadoopJarStep.Args[0]", [spark], "[0].Type"],
    ["Steps[0].HadoopJarStep.Args[1]", [spark], "[0].Type"],
    ["Steps[0].HadoopJarStep.Args[2]", [spark], "[0].Args[0]"],
    ["Steps[0].HadoopJarStep.Args[5]", [jar], "[0].Args[5]"],
    ["Steps[0].HadoopJarStep.Properties[1].Value", [jar], "[0].Properties"],
    ["Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri", [jar], "[0].LogUri"],
    ["Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn", [jar], "[0].EncryptionKeyArn"],
    ["Steps[0].HadoopJarStep", [jar], "[0]"],
    ["Steps[12]", [], "[12]"],
  ] as const)("%s (layouts %j) is %s", (path, layouts, expected) => {
    expect(cliPath(path, layouts)).toBe(expected);
  });
});

describe("the CLI's Properties string", () => {
  // As awscli's parse_key_value_string (customizations/emr/emrutils.py): `kv.split('=', 1)`, or (kv, '') with no "=".
  it("splits each pair at its first =, an empty key or value kept", () => {
    expect(parsePropertiesString("=v,k=,k2,a=b=c")).toStrictEqual([
      { Key: "", Value: "v" },
      { Key: "k", Value: "" },
      { Key: "k2", Value: "" },
      { Key: "a", Value: "b=c" },
    ]);
  });

  it("is refused, by toCliSteps, for a list the string cannot hold: empty, or a pair without its Key or Value", () => {
    const step = (Properties: unknown) => [
      { Name: "a", ActionOnFailure: "CONTINUE" as const, HadoopJarStep: { Jar: "a.jar", Properties } },
    ];
    const refusal = (Properties: unknown) => {
      try {
        toCliSteps(step(Properties) as never);
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(refusal([])).toBe(
      "toCliSteps: Steps[0].HadoopJarStep.Properties is an empty list, which the CLI cannot send",
    );
    for (const pair of [{ Key: "k" }, { Value: "v" }]) {
      expect(refusal([{ Key: "a", Value: "1" }, pair])).toBe(
        "toCliSteps: Steps[0].HadoopJarStep.Properties[1] lacks a Key or Value, which the CLI always sends",
      );
    }
  });
});
