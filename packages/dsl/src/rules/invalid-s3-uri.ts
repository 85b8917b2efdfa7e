import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES } from "./limits.js";
import { logUriVerdict } from "./log-uri.js";
import type { Rule, RuleInput, StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-s3-uri"];

/**
 * A step's LogUri is an `s3://bucket/…` URI whose bucket S3's naming rules allow (legacy names are a warning:
 * legacy-s3-bucket-name). An empty one is taken as none: the model allows length 0, and EMR falls back to the
 * cluster's logging for a field left out (EMR API reference, S3MonitoringConfiguration); that EMR treats "" as left
 * out is our guess.
 */
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
  if (typeof value !== "string" || value === "" || logUriVerdict(value) !== "invalid") return;
  issues.push({
    code: "invalid-s3-uri",
    severity: "error",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri`,
    message: `must be an S3 URI (s3://<bucket>/<prefix>, or s3n:// or s3a://, the bucket named by S3's rules: 3–63 lower-case letters, digits, dots and hyphens, a letter or digit first and last, no "..", not an IP address), but is ${shown(value)}`,
    source,
  });
}
