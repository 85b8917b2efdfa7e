import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES, TERMINATING_ACTIONS_ON_FAILURE } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";

const source = RULE_SOURCES["steps-after-terminate"];
const terminating = new Set<unknown>(TERMINATING_ACTIONS_ON_FAILURE);

/** Warns about a step that shuts the cluster down on failure while more steps follow it: they would never run. */
export const stepsAfterTerminate: Rule = {
  code: "steps-after-terminate",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkStepsAfterTerminateStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkStepsAfterTerminateStep({ step, index }: StepView, { steps }: RuleInput, issues: Issue[]): void {
  const after = (steps?.length ?? 0) - 1 - index;
  if (after <= 0 || !terminating.has(step.ActionOnFailure)) return;
  issues.push({
    code: "steps-after-terminate",
    severity: "warning",
    path: `Steps[${index}].ActionOnFailure`,
    message: `is ${String(step.ActionOnFailure)}, but ${after} more ${after === 1 ? "step follows" : "steps follow"}; if this step fails they never run`,
    source,
  });
}
