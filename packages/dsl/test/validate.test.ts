import {
  assertValid,
  EmrValidationError,
  formatIssues,
  type Issue,
  MAX_HADOOP_JAR_STEP_CHARACTERS,
  parsePath,
  validate,
  validateSteps,
} from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const ROLE = "arn:aws:iam::123456789012:role/emr-steps";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function jarStep(name: string, extra: Record<string, unknown> = {}) {
  return {
    Name: name,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
    ...extra,
  };
}

function request(steps: unknown[], extra: Record<string, unknown> = {}) {
  return { JobFlowId: "j-ABC123", Steps: steps, ...extra };
}

const codes = (issues: readonly Issue[]) => issues.map((issue) => `${issue.code}@${issue.path}`);

describe("validate", () => {
  it("accepts a valid request with no issue", () => {
    const result = validate(request([jarStep("a"), jarStep("b")], { ExecutionRoleArn: ROLE }));
    expect(result).toMatchObject({ ok: true, issues: [] });
  });

  it("reports model issues with paths, a source and a suggestion for near misses", () => {
    const result = validate(request([{ Name: "a", hadoop_jar_step: { Jar: "x" } }]));
    expect(result.ok).toBe(false);
    expect(codes(result.issues)).toEqual([
      "required@Steps[0].HadoopJarStep",
      "unknown-member@Steps[0].hadoop_jar_step",
    ]);
    expect(result.issues[1]).toMatchObject({ suggestion: "HadoopJarStep", source: expect.stringContaining("model") });
  });

  it("never throws, whatever the input", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("boom");
        },
        get() {
          throw new Error("boom");
        },
      },
    );
    for (const input of [undefined, null, 3, "x", [], hostile, { Steps: hostile }]) {
      expect(() => validate(input)).not.toThrow();
      expect(validate(input).ok).toBe(false);
    }
  });

  it("counts steps per request and active steps on the cluster", () => {
    const steps = Array.from({ length: 257 }, (_, i) => jarStep(`s${i}`));
    expect(codes(validate(request(steps)).issues)).toEqual(["too-many-steps@Steps"]);
    expect(validate(request(steps.slice(0, 256))).ok).toBe(true);
    const added = validate(request(steps.slice(0, 10)), { activeSteps: 247 });
    expect(added.issues[0]).toMatchObject({ code: "too-many-steps", limit: 256, actual: 257 });
    expect(validate(request(steps.slice(0, 10)), { activeSteps: 246 }).ok).toBe(true);
  });

  it("limits the characters of one HadoopJarStep, counting UTF-16 units", () => {
    const fill = (n: number) => ["command-runner.jar", "x".repeat(n - "command-runner.jar".length)];
    const [jar, arg] = fill(MAX_HADOOP_JAR_STEP_CHARACTERS);
    expect(validate(request([{ Name: "a", HadoopJarStep: { Jar: jar, Args: [arg] } }])).ok).toBe(true);
    const over = validate(request([{ Name: "a", HadoopJarStep: { Jar: jar, Args: [arg, "y"] } }]));
    expect(over.issues).toEqual([
      expect.objectContaining({ code: "hadoop-jar-step-too-long", path: "Steps[0].HadoopJarStep", actual: 10_241 }),
    ]);
    // 5,121 astral characters are 10,242 UTF-16 units but 5,121 code points: over, and the message says both.
    const astral = validate(request([{ Name: "a", HadoopJarStep: { Jar: "j", Args: ["😀".repeat(5_121)] } }]));
    expect(astral.issues).toEqual([expect.objectContaining({ code: "hadoop-jar-step-too-long", actual: 10_243 })]);
    expect(astral.issues[0]!.message).toMatchInlineSnapshot(
      `"has 10243 UTF-16 units (5122 code points) in its jar, main class, arguments and properties, but at most 10240 are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)"`,
    );
  });

  it("checks the execution role, log URI and KMS key", () => {
    const monitoring = (LogUri: string, EncryptionKeyArn: string) => ({
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri, EncryptionKeyArn } },
    });
    expect(
      validate(request([jarStep("a", monitoring("s3://logs-bucket/x/", KEY))], { ExecutionRoleArn: ROLE })).ok,
    ).toBe(true);
    expect(validate(request([jarStep("a")], { ExecutionRoleArn: "arn:aws-cn:iam::123456789012:role/path/r" })).ok).toBe(
      true,
    );
    const bad = validate(
      request([jarStep("a", monitoring("https://logs/x", "arn:aws:iam::123456789012:key/x"))], {
        ExecutionRoleArn: "arn:aws:iam::123456789012:user/bob",
      }),
    );
    expect(codes(bad.issues)).toEqual([
      "invalid-arn@ExecutionRoleArn",
      "invalid-s3-uri@Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri",
      "invalid-kms-key-arn@Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn",
    ]);
  });

  it("applies the cluster context", () => {
    const steps = [jarStep("a", { ActionOnFailure: "CANCEL_AND_WAIT" }), jarStep("b")];
    expect(validate(request(steps), { stepConcurrencyLevel: 1 }).ok).toBe(true);
    expect(codes(validate(request(steps), { stepConcurrencyLevel: 2 }).issues)).toEqual([
      "action-on-failure-with-concurrency@Steps[0].ActionOnFailure",
    ]);
    expect(validate(request(steps), { clusterState: "WAITING" }).ok).toBe(true);
    expect(validate(request(steps), { clusterState: "TERMINATING" }).issues).toEqual([
      expect.objectContaining({ code: "cluster-state", path: "JobFlowId", state: "TERMINATING" }),
    ]);
  });

  it("warns without failing", () => {
    const result = validate(
      request([
        jarStep("a", { ActionOnFailure: "TERMINATE_JOB_FLOW" }),
        { Name: "a", HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit --deploy-mode cluster", ""] } },
      ]),
    );
    expect(result.ok).toBe(true);
    expect(codes(result.issues)).toEqual([
      "duplicate-step-name@Steps[1].Name",
      "deprecated-action-on-failure@Steps[0].ActionOnFailure",
      "steps-after-terminate@Steps[0].ActionOnFailure",
      "empty-command-runner-arg@Steps[1].HadoopJarStep.Args[1]",
      "command-line-in-one-arg@Steps[1].HadoopJarStep.Args[0]",
    ]);
    expect(result.issues.every((issue) => issue.severity === "warning")).toBe(true);
  });

  it("validates bare step lists with Steps[i] paths", () => {
    expect(codes(validateSteps([jarStep("a"), { Name: 3 }]).issues)).toEqual([
      "type@Steps[1].Name",
      "required@Steps[1].HadoopJarStep",
    ]);
  });
});

describe("errors and printing", () => {
  it("assertValid throws an EmrValidationError listing every error", () => {
    let error: unknown;
    try {
      assertValid(request([{ Name: "x".repeat(257), HadoopJarStep: {} }]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmrValidationError);
    expect((error as EmrValidationError).issues).toHaveLength(2);
    expect((error as Error).message).toMatchInlineSnapshot(`
      "2 EMR validation errors:
      ✖ Steps[0].Name: must be 0–256 characters long, but is 257 [length]
      ✖ Steps[0].HadoopJarStep.Jar: is required [required]"
    `);
  });

  it("formats issues errors first and parses paths back", () => {
    const { issues } = validate(request([jarStep("a"), jarStep("a", { ActionOnFailure: "NOPE" })]));
    expect(formatIssues(issues).split("\n")[0]).toContain("✖ Steps[1].ActionOnFailure: must be one of");
    expect(parsePath('Steps[3].HadoopJarStep.Args[2]["a.b"]')).toEqual(["Steps", 3, "HadoopJarStep", "Args", 2, "a.b"]);
  });
});
