import type { Issue } from "../issues/issue.js";
import { ACTIONS_REFUSED_WITH_CONCURRENCY, RULE_SOURCES } from "./limits.js";
import { isOneOf, type Rule, type RuleInput, type StepView } from "./rule.js";

const source = RULE_SOURCES["action-on-failure-with-concurrency"];

/** With StepConcurrencyLevel above 1, EMR refuses CANCEL_AND_WAIT, TERMINATE_CLUSTER and TERMINATE_JOB_FLOW. */
export const actionOnFailureWithConcurrency: Rule = {
  code: "action-on-failure-with-concurrency",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkActionOnFailureWithConcurrencyStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkActionOnFailureWithConcurrencyStep(
  { action, index }: StepView,
  { context }: RuleInput,
  issues: Issue[],
): void {
  const level = context.stepConcurrencyLevel;
  if (typeof level !== "number" || level <= 1 || !isOneOf(ACTIONS_REFUSED_WITH_CONCURRENCY, action)) return;
  issues.push({
    code: "action-on-failure-with-concurrency",
    severity: "error",
    path: `Steps[${index}].ActionOnFailure`,
    message: `is ${String(action)}, which EMR refuses on a cluster with StepConcurrencyLevel ${level} (above 1); use CONTINUE`,
    source,
  });
}
