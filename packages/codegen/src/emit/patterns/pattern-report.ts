/**
 * The shapes of a service whose pattern the generated code cannot check exactly: each is skipped (with a comment
 * in the generated code) and listed here, so that one such pattern never stops the whole service.
 */
import type { ServiceIR } from "../../ir/types.js";
import { translatePattern } from "./translate-pattern.js";

export interface SkippedPattern {
  readonly service: string;
  /** `Shape` or `Shape$Member` for a member's own pattern. */
  readonly shape: string;
  readonly pattern: string;
  readonly reason: string;
}

/** Every pattern a service's shapes and members carry, by where it sits. */
export function servicePatterns(service: ServiceIR): { shape: string; pattern: string }[] {
  const out: { shape: string; pattern: string }[] = [];
  for (const shape of service.shapes.values()) {
    if (shape.kind === "string" && shape.pattern) out.push({ shape: shape.name, pattern: shape.pattern });
    if (shape.kind === "structure" || shape.kind === "union")
      for (const m of shape.members) if (m.pattern) out.push({ shape: `${shape.name}$${m.name}`, pattern: m.pattern });
  }
  return out;
}

export function skippedPatterns(service: ServiceIR): SkippedPattern[] {
  return servicePatterns(service).flatMap(({ shape, pattern }) => {
    const plan = translatePattern(pattern);
    return plan.kind === "skip" ? [{ service: service.name, shape, pattern, reason: plan.reason }] : [];
  });
}
