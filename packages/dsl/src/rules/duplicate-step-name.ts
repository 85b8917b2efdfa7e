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
    const count = steps.length;
    const names: unknown[] = new Array(count);
    // A number per name (length and last character, -1 for no string) that pairs compare before the names do.
    const prints: number[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const name = (steps[i] as { Name?: unknown } | null | undefined)?.Name;
      names[i] = name;
      prints[i] =
        typeof name === "string"
          ? name.length * 0x10000 + (name.length > 0 ? name.charCodeAt(name.length - 1) : 0)
          : -1;
    }
    // A Set pays for itself only on longer lists; short ones compare pairwise, by print first. The Set holds the
    // string names seen so far (the first step's before the loop), whatever the names between them are.
    const seen = count > 32 ? new Set<string>() : undefined;
    if (seen !== undefined && prints[0]! >= 0) seen.add(names[0] as string);
    for (let index = 1; index < count; index++) {
      const print = prints[index]!;
      if (print < 0) continue;
      const name = names[index] as string;
      let earlier = -1;
      if (seen === undefined) {
        for (let k = 0; k < index; k++) {
          if (prints[k] === print && names[k] === name) {
            earlier = k;
            break;
          }
        }
      } else if (seen.has(name)) earlier = names.indexOf(name);
      else seen.add(name);
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
