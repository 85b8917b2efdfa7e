/**
 * The context of validate, checked before anything else: a member of the wrong type, out of range, or misspelt
 * would silently switch its rule off (`activeSteps: NaN` makes `NaN + n > 256` false). It is the programmer's
 * mistake, which the types already refuse, so it throws (TypeError, RangeError for a number out of range) with a
 * message prefixed by the API's name, as fast-check checks its options; bad *data* is still never thrown on.
 */
import { nearest, show } from "../generated/validation-support.generated.js";
import { MAX_STEP_CONCURRENCY, MIN_STEP_CONCURRENCY } from "../rules/limits.js";
import type { ValidationContext } from "../rules/rule.js";

const MEMBERS = ["activeSteps", "stepConcurrencyLevel", "clusterState"] as const;

export function checkContext(api: string, context: unknown): ValidationContext {
  if (typeof context !== "object" || context === null || Array.isArray(context)) {
    const got = context === null ? "null" : Array.isArray(context) ? "an array" : show(context);
    throw new TypeError(`${api}: context must be an object, but is ${got}`);
  }
  const record = context as Record<string, unknown>;
  for (const key in record) {
    if ((MEMBERS as readonly string[]).includes(key)) continue;
    const near = nearest(key, MEMBERS) ?? MEMBERS.find((member) => member.startsWith(key) || key.startsWith(member));
    throw new TypeError(`${api}: context has no member ${key}${near === undefined ? "" : `; did you mean ${near}?`}`);
  }
  const { activeSteps, stepConcurrencyLevel, clusterState } = record;
  if (activeSteps !== undefined) {
    number(api, "activeSteps", activeSteps);
    if (!Number.isInteger(activeSteps) || (activeSteps as number) < 0) {
      throw new RangeError(`${api}: context.activeSteps must be a whole number from 0, but is ${activeSteps}`);
    }
  }
  if (stepConcurrencyLevel !== undefined) {
    number(api, "stepConcurrencyLevel", stepConcurrencyLevel);
    const level = stepConcurrencyLevel as number;
    if (!Number.isInteger(level) || level < MIN_STEP_CONCURRENCY || level > MAX_STEP_CONCURRENCY) {
      throw new RangeError(
        `${api}: context.stepConcurrencyLevel must be a whole number from ${MIN_STEP_CONCURRENCY} to ${MAX_STEP_CONCURRENCY}, but is ${level}`,
      );
    }
  }
  if (clusterState !== undefined && typeof clusterState !== "string") {
    throw new TypeError(`${api}: context.clusterState must be a string, but is ${show(clusterState)}`);
  }
  return record as ValidationContext;
}

function number(api: string, member: string, value: unknown): void {
  if (typeof value !== "number")
    throw new TypeError(`${api}: context.${member} must be a number, but is ${show(value)}`);
}
