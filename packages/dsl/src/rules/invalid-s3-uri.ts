import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES, S3_URI_PATTERN } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-s3-uri"];

/** A step's LogUri is an `s3://bucket/…` URI. */
export const invalidS3Uri: Rule = {
  code: "invalid-s3-uri",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkInvalidS3UriStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkInvalidS3UriStep({ s3, index }: StepView, _input: RuleInput, issues: Issue[]): void {
  const value = s3?.LogUri;
  if (typeof value !== "string" || S3_URI_PATTERN.test(value)) return;
  issues.push({
    code: "invalid-s3-uri",
    severity: "error",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri`,
    message: `must be an S3 URI (s3://<bucket>/<prefix>, bucket of 3–63 lower-case letters, digits, dots and hyphens), but is ${shown(value)}`,
    source,
  });
}
