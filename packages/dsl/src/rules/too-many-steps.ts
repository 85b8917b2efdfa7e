import { MAX_ACTIVE_STEPS, MAX_STEPS_PER_REQUEST, RULE_SOURCES } from "./limits.js";
import type { Rule } from "./rule.js";

const source = RULE_SOURCES["too-many-steps"];

/** At most 256 steps in one request; with `activeSteps`, at most 256 PENDING + RUNNING once they are added. */
export const tooManySteps: Rule = {
  code: "too-many-steps",
  source,
  checkRequest({ steps, context }, issues) {
    if (steps === undefined) return;
    const count = steps.length;
    if (count > MAX_STEPS_PER_REQUEST) {
      issues.push({
        code: "too-many-steps",
        severity: "error",
        path: "Steps",
        message: `has ${count} steps, but one request may hold at most ${MAX_STEPS_PER_REQUEST} (MAX_STEPS_PER_REQUEST)`,
        source,
        limit: MAX_STEPS_PER_REQUEST,
        actual: count,
      });
      return;
    }
    const active = context.activeSteps;
    if (typeof active === "number" && active + count > MAX_ACTIVE_STEPS) {
      issues.push({
        code: "too-many-steps",
        severity: "error",
        path: "Steps",
        message: `would make ${active + count} active steps (${active} PENDING or RUNNING + ${count}), but a cluster may hold at most ${MAX_ACTIVE_STEPS} (MAX_ACTIVE_STEPS)`,
        source,
        limit: MAX_ACTIVE_STEPS,
        actual: active + count,
      });
    }
  },
};
