import { RULE_SOURCES } from "./limits.js";
import type { Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["duplicate-step-name"];

/** Warns about a step whose name an earlier step of the same request already has. */
export const duplicateStepName: Rule = {
  code: "duplicate-step-name",
  source,
  checkRequest({ steps }, issues) {
    if (steps === undefined || steps.length < 2) return;
    const names = steps.map((step) => (step as { Name?: unknown } | null | undefined)?.Name);
    // A Set pays for itself only on longer lists; short ones compare pairwise.
    const seen = names.length > 32 ? new Set<unknown>() : undefined;
    for (let index = 0; index < names.length; index++) {
      const name = names[index];
      if (typeof name !== "string") continue;
      if (seen !== undefined ? !seen.has(name) : names.indexOf(name) === index) {
        seen?.add(name);
        continue;
      }
      const earlier = names.indexOf(name);
      issues.push({
        code: "duplicate-step-name",
        severity: "warning",
        path: `Steps[${index}].Name`,
        message: `is ${shown(name)}, the same as Steps[${earlier}].Name; steps with one name cannot be told apart`,
        source,
      });
    }
  },
};
