import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES } from "./limits.js";
import { logUriVerdict } from "./log-uri.js";
import type { Rule, RuleInput, StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["legacy-s3-bucket-name"];

/**
 * Warns about a LogUri whose bucket only S3's legacy rules allow (upper-case letters, underscores, 64–255
 * characters: us-east-1 buckets made before 1 March 2018). S3 still serves them, so it is no error; but no bucket
 * can be made with such a name today, so a typo is likelier than an old bucket.
 */
export const legacyS3BucketName: Rule = {
  code: "legacy-s3-bucket-name",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkLegacyS3BucketNameStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkLegacyS3BucketNameStep({ s3, index }: StepView, _input: RuleInput, issues: Issue[]): void {
  const value = s3?.LogUri;
  if (typeof value !== "string" || value === "" || logUriVerdict(value) !== "legacy") return;
  issues.push({
    code: "legacy-s3-bucket-name",
    severity: "warning",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri`,
    message: `is ${shown(value)}, whose bucket only S3's legacy rules allow (upper-case letters, underscores or more than 63 characters: us-east-1 buckets made before 1 March 2018); fine if that bucket exists, else use a lower-case name`,
    source,
  });
}
