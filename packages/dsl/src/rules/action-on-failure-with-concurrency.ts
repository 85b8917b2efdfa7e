import type { Issue } from "../issues/issue.js";
import { ACTIONS_REFUSED_WITH_CONCURRENCY, RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";

const source = RULE_SOURCES["action-on-failure-with-concurrency"];
const refused = new Set<unknown>(ACTIONS_REFUSED_WITH_CONCURRENCY);

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
  { step, index }: StepView,
  { context }: RuleInput,
  issues: Issue[],
): void {
  const level = context.stepConcurrencyLevel;
  if (typeof level !== "number" || level <= 1 || !refused.has(step.ActionOnFailure)) return;
  issues.push({
    code: "action-on-failure-with-concurrency",
    severity: "error",
    path: `Steps[${index}].ActionOnFailure`,
    message: `is ${String(step.ActionOnFailure)}, which EMR refuses on a cluster with StepConcurrencyLevel ${level} (above 1); use CONTINUE`,
    source,
  });
}
