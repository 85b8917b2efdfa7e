import { RULE_SOURCES, TERMINATING_ACTIONS_ON_FAILURE } from "./limits.js";
import { forEachStep, type Rule } from "./rule.js";

const source = RULE_SOURCES["steps-after-terminate"];
const terminating = new Set<unknown>(TERMINATING_ACTIONS_ON_FAILURE);

/** Warns about a step that shuts the cluster down on failure while more steps follow it: they would never run. */
export const stepsAfterTerminate: Rule = {
  code: "steps-after-terminate",
  source,
  check(input, issues) {
    const count = input.steps?.length ?? 0;
    forEachStep(input, (step, index) => {
      if (index === count - 1 || !terminating.has(step.ActionOnFailure)) return;
      const after = count - 1 - index;
      issues.push({
        code: "steps-after-terminate",
        severity: "warning",
        path: `Steps[${index}].ActionOnFailure`,
        message: `is ${String(step.ActionOnFailure)}, but ${after} more ${after === 1 ? "step follows" : "steps follow"}; if this step fails they never run`,
        source,
      });
    });
  },
};
