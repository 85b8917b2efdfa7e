/**
 * The peers of `validate` in the benchmark, each held to the same rules: ajv compiled from the generated JSON
 * Schema plus emrkit's EMR rules as a post-check; zod v4 with a schema written to the same rules; and a floor
 * that only runs the model's regular expression over every string and sums the lengths. emrkit's parts come from
 * the compiled package, as in the bench itself.
 */
import { readFileSync } from "node:fs";
import type { Issue, RuleInput } from "@emrkit/dsl";
import Ajv2020 from "ajv/dist/2020.js";
import { z } from "zod";
import { dsl } from "./built.js";

const { MAX_HADOOP_JAR_STEP_CHARACTERS, MAX_STEPS_PER_REQUEST, runEmrRules } = dsl;

// zod's approximations of emrkit's ARN and S3 rules (which parse, not match): the patterns emrkit used before them,
// about as costly, so that the figures stay comparable.
const IAM_ROLE_ARN_PATTERN = /^arn:[a-z][a-z0-9-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const S3_URI_PATTERN = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/|$)/;
const KMS_KEY_ARN_PATTERN = /^arn:[a-z][a-z0-9-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/[\w/+=,.@-]+$/;

const schema = JSON.parse(
  readFileSync(new URL("../../packages/dsl/src/generated/schema/AddJobFlowSteps.schema.json", import.meta.url), "utf8"),
) as object;

const XML = /^(?:[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\r\n\t]*)$/u;

const ajvValidate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

export function ajvWithRules(input: unknown): boolean {
  const schemaOk = ajvValidate(input);
  const request = input as { Steps?: unknown; ExecutionRoleArn?: unknown };
  const ruleInput: RuleInput = {
    steps: Array.isArray(request.Steps) ? request.Steps : undefined,
    executionRoleArn: request.ExecutionRoleArn,
    context: {},
  };
  const issues: Issue[] = [];
  runEmrRules(ruleInput, issues);
  return schemaOk && !issues.some((issue) => issue.severity === "error");
}

const xml = (max: number) => z.string().max(max).regex(XML);
const keyValue = z.strictObject({ Key: xml(10_280).optional(), Value: xml(10_280).optional() });
const stepSchema = z
  .strictObject({
    Name: xml(256),
    ActionOnFailure: z.enum(["TERMINATE_JOB_FLOW", "TERMINATE_CLUSTER", "CANCEL_AND_WAIT", "CONTINUE"]).optional(),
    HadoopJarStep: z.strictObject({
      Jar: xml(10_280),
      MainClass: xml(10_280).optional(),
      Args: z.array(xml(10_280)).optional(),
      Properties: z.array(keyValue).optional(),
    }),
    StepMonitoringConfiguration: z
      .strictObject({
        S3MonitoringConfiguration: z
          .strictObject({
            LogUri: xml(10_280).regex(S3_URI_PATTERN).optional(),
            EncryptionKeyArn: xml(10_280).regex(KMS_KEY_ARN_PATTERN).optional(),
          })
          .optional(),
      })
      .optional(),
  })
  .superRefine((step, ctx) => {
    const j = step.HadoopJarStep;
    let total = j.Jar.length + (j.MainClass?.length ?? 0);
    for (const a of j.Args ?? []) total += a.length;
    for (const p of j.Properties ?? []) total += (p.Key?.length ?? 0) + (p.Value?.length ?? 0);
    if (total > MAX_HADOOP_JAR_STEP_CHARACTERS) {
      ctx.addIssue({ code: "custom", message: `${total} characters`, path: ["HadoopJarStep"] });
    }
  });

const zodRequest = z.strictObject({
  JobFlowId: xml(256),
  Steps: z.array(stepSchema).max(MAX_STEPS_PER_REQUEST),
  ExecutionRoleArn: z.string().min(20).max(2048).regex(IAM_ROLE_ARN_PATTERN).optional(),
});

export function zodCheck(input: unknown): boolean {
  return zodRequest.safeParse(input).success;
}

/** The floor: the model's pattern over every string, and the sum of their lengths. */
export function floor(input: unknown): number {
  const request = input as { JobFlowId: string; ExecutionRoleArn?: string; Steps: Record<string, unknown>[] };
  let sum = 0;
  const visit = (s: unknown) => {
    if (typeof s === "string") {
      if (!XML.test(s)) sum = -1;
      sum += s.length;
    }
  };
  visit(request.JobFlowId);
  visit(request.ExecutionRoleArn);
  for (const step of request.Steps) {
    visit(step.Name);
    visit(step.ActionOnFailure);
    const j = step.HadoopJarStep as {
      Jar: string;
      MainClass?: string;
      Args?: string[];
      Properties?: { Key?: string; Value?: string }[];
    };
    visit(j.Jar);
    visit(j.MainClass);
    for (const a of j.Args ?? []) visit(a);
    for (const p of j.Properties ?? []) {
      visit(p.Key);
      visit(p.Value);
    }
    const s3 = (step.StepMonitoringConfiguration as { S3MonitoringConfiguration?: Record<string, string> } | undefined)
      ?.S3MonitoringConfiguration;
    visit(s3?.LogUri);
    visit(s3?.EncryptionKeyArn);
  }
  return sum;
}
