import type { Issue } from "../issues/issue.js";
import { kmsKeyArnProblem } from "./kms-key-arn.js";
import { RULE_SOURCES } from "./limits.js";
import { type Rule, type RuleInput, remembering, type StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-kms-key-arn"];
/** Every step of a request tends to log with the same key: it is parsed once. */
export const isKeyArn = remembering((value) => kmsKeyArnProblem(value) === undefined);

/**
 * A step's EncryptionKeyArn is a KMS key ARN: `arn:<partition>:kms:<region>:<account>:key/<id>` (or `alias/<name>`).
 * An empty one is taken as none: the model allows length 0, and EMR falls back to the cluster's logging for a field
 * left out (EMR API reference, S3MonitoringConfiguration); that EMR treats "" as left out is our guess.
 */
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
  if (typeof value !== "string" || value === "" || isKeyArn(value)) return;
  issues.push({
    code: "invalid-kms-key-arn",
    severity: "error",
    path: `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn`,
    message: `must be a KMS key ARN (arn:<partition>:kms:<region>:<12-digit account>:key/<id>), but is ${shown(value)}: ${kmsKeyArnProblem(value)}`,
    source,
  });
}
