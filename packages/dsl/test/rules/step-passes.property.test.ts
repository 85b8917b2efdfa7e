/**
 * runEmrRules decides each step on a fast path (`stepPasses`) and reads only the others into a view for the rules'
 * own checks (the reporting path). The fast path must say exactly what the reporting path says about a step (it
 * passes if and only if no per-step rule reports on it), and skipping the steps it passes must leave validate's
 * issues as they were when every step was checked: the same issues, in the same order.
 */
import type { Issue } from "@emrkit/dsl";
import { requestWithOneViolation, validRequest } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterState } from "../../src/rules/cluster-state.js";
import { duplicateStepName } from "../../src/rules/duplicate-step-name.js";
import { checkStep, runEmrRules } from "../../src/rules/index.js";
import { invalidArn } from "../../src/rules/invalid-arn.js";
import { MAX_HADOOP_JAR_STEP_CHARACTERS } from "../../src/rules/limits.js";
import type { RuleInput } from "../../src/rules/rule.js";
import { stepView } from "../../src/rules/rule.js";
import { stepPasses } from "../../src/rules/step-passes.js";
import { tooManySteps } from "../../src/rules/too-many-steps.js";
import { KEY } from "./requests.js";

const near = (n: number) => fc.integer({ min: n - 3, max: n + 3 });
const action = fc.constantFrom(undefined, "CONTINUE", "CANCEL_AND_WAIT", "TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW", 7);
const jar = fc.oneof(
  fc.constantFrom("command-runner.jar", "/usr/share/aws/command-runner.jar", "s3://b/app.jar", "command-runner.jarx"),
  fc.constantFrom(undefined, 7),
  // With the jar alone near the budget, an argument or a property tips it over.
  near(MAX_HADOOP_JAR_STEP_CHARACTERS - 2).map((n) => "j".repeat(n)),
);
// Mostly arguments that pass, so that steps every rule passes are common and each rule's edge is met on them.
const arg = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("spark-submit", "--deploy-mode", "cluster") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "spark-submit --deploy-mode cluster", " spark-submit\t", "a\u00a0b", "a\u3000b"),
  },
  { weight: 1, arbitrary: fc.constantFrom(3, null, undefined) },
);
const args = fc.oneof(fc.array(arg, { maxLength: 4 }), fc.constantFrom("spark-submit", undefined));
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("k", "", 5) },
  { weight: 1, arbitrary: near(5_120).map((n) => "p".repeat(n)) },
);
const properties = fc.oneof(
  fc.array(fc.oneof(fc.record({ Key: text, Value: text }, { requiredKeys: [] }), fc.constantFrom(null, "kv")), {
    maxLength: 3,
  }),
  fc.constant({ Key: "k" }),
);
const jarStep = fc.oneof(
  fc.record({ Jar: jar, MainClass: text, Args: args, Properties: properties }, { requiredKeys: [] }),
  fc.constantFrom(undefined, null, "command-runner.jar", []),
);
const logUri = fc.constantFrom(
  undefined,
  "",
  "s3://analytics-logs/steps/1/",
  "s3://analytics-logs",
  "s3a://analytics-logs/x",
  "s3://analytics-logsx/x",
  "s3://Legacy_Bucket/logs/",
  "https://logs.example.com/",
  "s3://a..b/x",
  5,
);
const keyArn = fc.constantFrom(undefined, "", KEY, "alias/logs", "arn:aws:kms:us-east-1:123456789012:alias/logs", 9);
const monitoring = fc.oneof(
  fc.record({
    S3MonitoringConfiguration: fc.oneof(
      fc.record({ LogUri: logUri, EncryptionKeyArn: keyArn }, { requiredKeys: [] }),
      fc.constantFrom(null, "s3://logs/", []),
    ),
  }),
  fc.constantFrom(undefined, null, "s3://logs/"),
);
/** Steps that meet every per-step rule at its edges, and steps that are not objects at all. */
const edgeStep = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        Name: fc.constantFrom("a", "b"),
        ActionOnFailure: action,
        HadoopJarStep: jarStep,
        StepMonitoringConfiguration: monitoring,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, "step", 5, []) },
);
const level = fc.constantFrom(undefined, 1, 2, 256);
const requests = fc.oneof(
  fc.record({ Steps: fc.array(edgeStep, { minLength: 1, maxLength: 6 }), level }),
  fc.record({ Steps: validRequest().map((request) => request.Steps as unknown[]), level }),
  requestWithOneViolation().map(({ request, context }) => ({
    Steps: request.Steps as unknown[],
    level: context.stepConcurrencyLevel,
  })),
);

const inputOf = ({ Steps, level }: { Steps: unknown[]; level: number | undefined }): RuleInput => ({
  steps: Steps,
  executionRoleArn: undefined,
  context: level === undefined ? {} : { stepConcurrencyLevel: level },
});

/** The reporting path on one step: every per-step rule, as runEmrRules runs them on a step it does not pass. */
function reported(input: RuleInput, index: number): Issue[] {
  const issues: Issue[] = [];
  const view = stepView(input.steps![index], index);
  if (view !== undefined) checkStep(view, input, issues);
  return issues;
}

describe("the fast path of the EMR rules", () => {
  it("passes a step exactly when the reporting path reports nothing on it", () => {
    fc.assert(
      fc.property(requests, (request) => {
        const input = inputOf(request);
        for (let i = 0; i < input.steps!.length; i++) {
          const issues = reported(input, i).map((issue) => `${issue.code}@${issue.path}`);
          expect({ step: i, passes: stepPasses(input, i) }).toEqual({
            step: i,
            passes: issues.length === 0,
          });
        }
      }),
      { numRuns: 600 },
    );
  });

  it("leaves runEmrRules' issues as checking every step gives them, in order", () => {
    fc.assert(
      fc.property(requests, (request) => {
        const input = inputOf(request);
        const everyStep: Issue[] = [];
        for (const rule of [tooManySteps, invalidArn, clusterState, duplicateStepName]) {
          rule.checkRequest!(input, everyStep);
        }
        for (let i = 0; i < input.steps!.length; i++) everyStep.push(...reported(input, i));
        const fast: Issue[] = [];
        runEmrRules(input, fast);
        expect(fast).toEqual(everyStep);
      }),
      { numRuns: 400 },
    );
  });
});
