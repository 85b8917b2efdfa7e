import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-s3-uri"];

/**
 * S3_URI_PATTERN, by hand: `s3://`, a bucket of 3–63 lower-case letters, digits, dots and hyphens that starts and
 * ends with a letter or digit, then nothing or `/` and anything (a test holds it to the pattern).
 */
export function isS3Uri(value: string): boolean {
  if (!value.startsWith("s3://")) return false;
  const slash = value.indexOf("/", 5);
  const end = slash < 0 ? value.length : slash;
  if (end - 5 < 3 || end - 5 > 63) return false;
  for (let i = 5; i < end; i++) {
    const c = value.charCodeAt(i);
    const alnum = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
    if (!alnum && ((c !== 0x2e && c !== 0x2d) || i === 5 || i === end - 1)) return false;
  }
  return true;
}

/** A step's LogUri is an `s3://bucket/…` URI. */
export const invalidS3Uri: Rule = {
  code: "invalid-s3-uri",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkStep(view, input, issues);
  },
};

function checkStep({ s3, index }: StepView, _input: RuleInput, issues: Issue[]): void {
  const value = s3?.LogUri;
  if (typeof value !== "string" || isS3Uri(value)) return;
  issues.push({
    code: "invalid-s3-uri",
    severity: "error",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri`,
    message: `must be an S3 URI (s3://<bucket>/<prefix>, bucket of 3–63 lower-case letters, digits, dots and hyphens), but is ${shown(value)}`,
    source,
  });
}
