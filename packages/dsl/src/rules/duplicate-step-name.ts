import { RULE_SOURCES } from "./limits.js";
import { forEachStep, type Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["duplicate-step-name"];

/** Warns about a step whose name an earlier step of the same request already has. */
export const duplicateStepName: Rule = {
  code: "duplicate-step-name",
  source,
  check(input, issues) {
    const first = new Map<string, number>();
    forEachStep(input, (step, index) => {
      const name = step.Name;
      if (typeof name !== "string") return;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      issues.push({
        code: "duplicate-step-name",
        severity: "warning",
        path: `Steps[${index}].Name`,
        message: `is ${shown(name)}, the same as Steps[${earlier}].Name; steps with one name cannot be told apart`,
        source,
      });
    });
  },
};
