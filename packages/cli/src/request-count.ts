import { MAX_STEPS_PER_REQUEST, type StepConfig } from "@emrkit/dsl";

/**
 * How many AddJobFlowSteps calls the runtime makes for these steps at the least: at most 256 steps a call (the
 * EMR API reference), and, for a pipeline, one set of calls per level of its dependencies, since a step is sent
 * only once the steps it comes after have completed. More when the cluster has other active steps.
 */
export function requestCount(steps: readonly StepConfig[], after: Record<string, readonly string[]> = {}): number {
  const names = new Set(steps.map((step) => step.Name));
  const levels = new Map<string, number>();
  const levelOf = (name: string, seen: Set<string>): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0; // a cycle; the runtime refuses it
    seen.add(name);
    const deps = (after[name] ?? []).filter((dep) => names.has(dep));
    const level = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => levelOf(dep, seen)));
    levels.set(name, level);
    return level;
  };
  const perLevel = new Map<number, number>();
  for (const step of steps) {
    const level = levelOf(step.Name, new Set());
    perLevel.set(level, (perLevel.get(level) ?? 0) + 1);
  }
  let calls = 0;
  for (const count of perLevel.values()) calls += Math.ceil(count / MAX_STEPS_PER_REQUEST);
  return calls;
}
