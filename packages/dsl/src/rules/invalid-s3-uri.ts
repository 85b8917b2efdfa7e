import { RULE_SOURCES, S3_URI_PATTERN } from "./limits.js";
import { forEachMonitoringValue } from "./monitoring.js";
import type { Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-s3-uri"];

/** A step's LogUri is an `s3://bucket/…` URI. */
export const invalidS3Uri: Rule = {
  code: "invalid-s3-uri",
  source,
  check(input, issues) {
    forEachMonitoringValue(input, "LogUri", (value, path) => {
      if (S3_URI_PATTERN.test(value)) return;
      issues.push({
        code: "invalid-s3-uri",
        severity: "error",
        path,
        message: `must be an S3 URI (s3://<bucket>/<prefix>, bucket of 3–63 lower-case letters, digits, dots and hyphens), but is ${shown(value)}`,
        source,
      });
    });
  },
};
