import { IAM_ROLE_ARN_PATTERN, RULE_SOURCES } from "./limits.js";
import type { Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-arn"];

/** ExecutionRoleArn is an IAM role ARN: `arn:<partition>:iam::<account>:role/<name>`. */
export const invalidArn: Rule = {
  code: "invalid-arn",
  source,
  check({ executionRoleArn }, issues) {
    if (typeof executionRoleArn !== "string" || IAM_ROLE_ARN_PATTERN.test(executionRoleArn)) return;
    issues.push({
      code: "invalid-arn",
      severity: "error",
      path: "ExecutionRoleArn",
      message: `must be an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), but is ${shown(executionRoleArn)}`,
      source,
    });
  },
};
