import type { Issue } from "../issues/issue.js";
import { KMS_KEY_ARN_PATTERN, RULE_SOURCES } from "./limits.js";
import { type Rule, type RuleInput, rememberingTest, type StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-kms-key-arn"];
const isKeyArn = rememberingTest(KMS_KEY_ARN_PATTERN);

/** A step's EncryptionKeyArn is a KMS key ARN: `arn:<partition>:kms:<region>:<account>:key/<id>`. */
export const invalidKmsKeyArn: Rule = {
  code: "invalid-kms-key-arn",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkInvalidKmsKeyArnStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkInvalidKmsKeyArnStep({ s3, index }: StepView, _input: RuleInput, issues: Issue[]): void {
  const value = s3?.EncryptionKeyArn;
  if (typeof value !== "string" || isKeyArn(value)) return;
  issues.push({
    code: "invalid-kms-key-arn",
    severity: "error",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn`,
    message: `must be a KMS key ARN (arn:<partition>:kms:<region>:<12-digit account>:key/<id>), but is ${shown(value)}`,
    source,
  });
}
