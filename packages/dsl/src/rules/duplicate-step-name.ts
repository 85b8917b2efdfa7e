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
    const names: unknown[] = new Array(steps.length);
    for (let i = 0; i < steps.length; i++) names[i] = (steps[i] as { Name?: unknown } | null | undefined)?.Name;
    // A Set pays for itself only on longer lists; short ones compare pairwise, cheapest test first.
    const seen = names.length > 32 ? new Set<unknown>() : undefined;
    for (let index = 1; index < names.length; index++) {
      const name = names[index];
      if (typeof name !== "string") continue;
      let earlier = -1;
      if (seen === undefined) {
        for (let k = 0; k < index && earlier < 0; k++) if (same(names[k], name)) earlier = k;
      } else {
        if (index === 1) seen.add(names[0]);
        if (seen.has(name)) earlier = names.indexOf(name);
        else seen.add(name);
      }
      if (earlier < 0) continue;
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

function same(other: unknown, name: string): boolean {
  return (
    typeof other === "string" &&
    other.length === name.length &&
    other.charCodeAt(other.length - 1) === name.charCodeAt(name.length - 1) &&
    other === name
  );
}
