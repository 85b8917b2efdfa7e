import { RULE_SOURCES } from "./limits.js";
import type { Rule } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["duplicate-step-name"];

/**
 * Up to this many steps, each name is compared with the earlier ones; past it, looked up in a Map of each name's
 * first step, as the pairs grow with the square of the steps (256 steps: 32,640 pairs). Either way gives the same
 * issues; a Map costs more than the pairs of a short request.
 */
const MAX_PAIRWISE_STEPS = 32;

/** Warns about a step whose name an earlier step of the same request already has, naming the first such step. */
export const duplicateStepName: Rule = {
  code: "duplicate-step-name",
  source,
  checkRequest({ steps }, issues) {
    if (steps === undefined) return;
    // The last UTF-16 unit of each string name, compared before the names (firstPairwise). Sized once: filled by
    // push, the array cost as much again as the whole rule on a request of 10 steps (a Float64Array more still).
    const lasts: number[] = new Array(steps.length);
    const firstOf = steps.length > MAX_PAIRWISE_STEPS ? new Map<string, number>() : undefined;
    for (let index = 0; index < steps.length; index++) {
      const name = nameOf(steps[index]);
      // A name that is no string is the model's to report, and no duplicate of anything.
      if (typeof name !== "string") continue;
      lasts[index] = lastUnit(name);
      const earlier =
        firstOf === undefined ? firstPairwise(steps, lasts, name, index) : firstInMap(firstOf, name, index);
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

function nameOf(step: unknown): unknown {
  return (step as { Name?: unknown } | null | undefined)?.Name;
}

/**
 * The first step before `index` named `name`, or -1. Last characters are compared before the names, as the names
 * of one request tend to share a prefix (nightly-etl-1, nightly-etl-2) that a comparison of the names reads
 * through before it finds them apart.
 */
function firstPairwise(steps: readonly unknown[], lasts: readonly number[], name: string, index: number): number {
  const last = lasts[index];
  for (let k = 0; k < index; k++) if (lasts[k] === last && nameOf(steps[k]) === name) return k;
  return -1;
}

/** The first step named `name`, from the Map of the names so far; -1 when none is, and then it records `index`. */
function firstInMap(firstOf: Map<string, number>, name: string, index: number): number {
  const first = firstOf.get(name);
  if (first !== undefined) return first;
  firstOf.set(name, index);
  return -1;
}

/** The last UTF-16 unit, 0 for "" (`| 0` turns charCodeAt's NaN into 0, so that two empty names compare equal). */
function lastUnit(text: string): number {
  return text.charCodeAt(text.length - 1) | 0;
}
