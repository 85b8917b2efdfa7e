import { RULE_SOURCES } from "./limits.js";
import { roleArnProblem } from "./role-arn.js";
import { type Rule, remembering } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["invalid-arn"];
const isRoleArn = remembering((value) => roleArnProblem(value) === undefined);

/** ExecutionRoleArn is an IAM role ARN: `arn:<partition>:iam::<account>:role/<path/><name>`. */
export const invalidArn: Rule = {
  code: "invalid-arn",
  source,
  checkRequest({ executionRoleArn }, issues) {
    if (typeof executionRoleArn !== "string" || isRoleArn(executionRoleArn)) return;
    issues.push({
      code: "invalid-arn",
      severity: "error",
      path: "ExecutionRoleArn",
      message: `must be an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), but is ${shown(executionRoleArn)}: ${roleArnProblem(executionRoleArn)}`,
      source,
    });
  },
};
