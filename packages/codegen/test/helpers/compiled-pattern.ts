import { translatePattern } from "../../src/emit/patterns/translate-pattern.js";

/** A model pattern as the generated code compiles it, or undefined when the generator skips its check. */
export function compiledPattern(pattern: string): RegExp | undefined {
  const plan = translatePattern(pattern);
  return plan.kind === "skip" ? undefined : new RegExp(plan.source, "u");
}
