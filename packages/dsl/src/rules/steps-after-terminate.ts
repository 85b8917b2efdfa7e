import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES, TERMINATING_ACTIONS_ON_FAILURE } from "./limits.js";
import { isOneOf, type Rule, type RuleInput, type StepView } from "./rule.js";

const source = RULE_SOURCES["steps-after-terminate"];

/** Warns about a step that shuts the cluster down on failure while more steps follow it: they would never run. */
export const stepsAfterTerminate: Rule = {
  code: "steps-after-terminate",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkStepsAfterTerminateStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkStepsAfterTerminateStep({ action, index }: StepView, { steps }: RuleInput, issues: Issue[]): void {
  const after = (steps?.length ?? 0) - 1 - index;
  if (after <= 0 || !isOneOf(TERMINATING_ACTIONS_ON_FAILURE, action)) return;
  issues.push({
    code: "steps-after-terminate",
    severity: "warning",
    path: `Steps[${index}].ActionOnFailure`,
    message: `is ${String(action)}, but ${after} more ${after === 1 ? "step follows" : "steps follow"}; if this step fails they never run`,
    source,
  });
}
