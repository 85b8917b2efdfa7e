import { KMS_KEY_ARN_PATTERN, RULE_SOURCES } from "./limits.js";
import { forEachMonitoringValue } from "./monitoring.js";
import type { Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-kms-key-arn"];

/** A step's EncryptionKeyArn is a KMS key ARN: `arn:<partition>:kms:<region>:<account>:key/<id>`. */
export const invalidKmsKeyArn: Rule = {
  code: "invalid-kms-key-arn",
  source,
  check(input, issues) {
    forEachMonitoringValue(input, "EncryptionKeyArn", (value, path) => {
      if (KMS_KEY_ARN_PATTERN.test(value)) return;
      issues.push({
        code: "invalid-kms-key-arn",
        severity: "error",
        path,
        message: `must be a KMS key ARN (arn:<partition>:kms:<region>:<12-digit account>:key/<id>), but is ${shown(value)}`,
        source,
      });
    });
  },
};
