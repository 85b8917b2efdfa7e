/**
 * Each rule of RULES is public (`runRules` takes any list of them), so each must report on its own what `validate`'s
 * single fused pass reports under its code: warnings too, which the fused-pass property (rules.property.test.ts)
 * never meets, as its requests break one error rule each. The request here breaks every rule at once.
 */
import { type Issue, RULES, runRules, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const broken = {
  JobFlowId: "j-ABC123",
  ExecutionRoleArn: "arn:aws:iam::1:role/steps",
  Steps: [
    {
      Name: "load",
      ActionOnFailure: "TERMINATE_JOB_FLOW",
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit --deploy-mode cluster", ""] },
      StepMonitoringConfiguration: {
        S3MonitoringConfiguration: {
          LogUri: "s3://Legacy_Bucket/logs/",
          EncryptionKeyArn: "arn:aws:kms:us-east-1:1:key/x",
        },
      },
    },
    {
      Name: "load",
      ActionOnFailure: "CONTINUE",
      HadoopJarStep: { Jar: "s3://a/app.jar", Args: ["x".repeat(10_241)] },
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "ftp://logs/" } },
    },
    ...Array.from({ length: 255 }, (_, i) => ({ Name: `s${i}`, HadoopJarStep: { Jar: "s3:///no-bucket.jar" } })),
  ],
};
const context = { clusterState: "TERMINATED", stepConcurrencyLevel: 2, activeSteps: 0 };
const input = { steps: broken.Steps as unknown[], executionRoleArn: broken.ExecutionRoleArn, context };
const key = (issue: Issue) => `${issue.severity} ${issue.code} ${issue.path}: ${issue.message}`;

describe("each rule on its own", () => {
  const fused = validate(broken, context).issues;

  it.each(RULES.map((rule) => [rule.code, rule] as const))(
    "%s reports what validate reports under it",
    (code, rule) => {
      const alone: Issue[] = [];
      runRules([rule], input, alone);
      expect(alone.length).toBeGreaterThan(0);
      expect(alone.map(key).sort()).toEqual(
        fused
          .filter((issue) => issue.code === code)
          .map(key)
          .sort(),
      );
    },
  );

  it("every rule, run together, reports every issue validate's rules report", () => {
    const all: Issue[] = [];
    runRules(RULES, input, all);
    const codes = new Set(RULES.map((rule) => rule.code));
    expect(all.map(key).sort()).toEqual(
      fused
        .filter((issue) => codes.has(issue.code as (typeof RULES)[number]["code"]))
        .map(key)
        .sort(),
    );
  });
});
