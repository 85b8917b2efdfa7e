import type { Issue } from "../issues/issue.js";
import { DEPRECATED_ACTIONS_ON_FAILURE, RULE_SOURCES } from "./limits.js";
import { isOneOf, type Rule, type RuleInput, type StepView } from "./rule.js";

const source = RULE_SOURCES["deprecated-action-on-failure"];

/** Warns about TERMINATE_JOB_FLOW, the deprecated spelling of TERMINATE_CLUSTER. */
export const deprecatedActionOnFailure: Rule = {
  code: "deprecated-action-on-failure",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkDeprecatedActionOnFailureStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkDeprecatedActionOnFailureStep(
  { action, index }: StepView,
  _input: RuleInput,
  issues: Issue[],
): void {
  if (!isOneOf(DEPRECATED_ACTIONS_ON_FAILURE, action)) return;
  issues.push({
    code: "deprecated-action-on-failure",
    severity: "warning",
    path: `Steps[${index}].ActionOnFailure`,
    message: "is TERMINATE_JOB_FLOW, which is deprecated; use TERMINATE_CLUSTER",
    source,
    suggestion: "TERMINATE_CLUSTER",
  });
}
