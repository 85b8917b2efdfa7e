import { ACTIONS_REFUSED_WITH_CONCURRENCY, RULE_SOURCES } from "./limits.js";
import { forEachStep, type Rule } from "./rule.js";

const source = RULE_SOURCES["action-on-failure-with-concurrency"];
const refused = new Set<unknown>(ACTIONS_REFUSED_WITH_CONCURRENCY);

/** With StepConcurrencyLevel above 1, EMR refuses CANCEL_AND_WAIT, TERMINATE_CLUSTER and TERMINATE_JOB_FLOW. */
export const actionOnFailureWithConcurrency: Rule = {
  code: "action-on-failure-with-concurrency",
  source,
  check(input, issues) {
    const level = input.context.stepConcurrencyLevel;
    if (typeof level !== "number" || level <= 1) return;
    forEachStep(input, (step, index) => {
      const action = step.ActionOnFailure;
      if (!refused.has(action)) return;
      issues.push({
        code: "action-on-failure-with-concurrency",
        severity: "error",
        path: `Steps[${index}].ActionOnFailure`,
        message: `is ${String(action)}, which EMR refuses on a cluster with StepConcurrencyLevel ${level} (above 1); use CONTINUE`,
        source,
      });
    });
  },
};
