import { setOwn } from "../formats/set-own.js";
import type { StepConfig } from "../generated/types.generated.js";
import { EmrValidationError } from "../issues/emr-validation-error.js";
import { redact } from "../secrets/secret.js";
import { validateSteps } from "../validate/validate.js";
import { append, type Chain, toArray } from "./chain.js";
import { JobFlowBuilder } from "./job-flow.js";
import { type StepLike, toStepConfig } from "./step-like.js";

/** A step of a pipeline, or its name. */
export type StepRef = StepLike | string;

/** What `pipeline().build()` gives: the steps in a dependency order, and what each waits for, by step name. */
export interface BuiltPipeline {
  /** Every step after all it depends on; steps already in order keep the order they were added in. */
  readonly steps: StepConfig[];
  /** Step name → names of the steps it runs after (every step has an entry, maybe empty). */
  readonly after: Record<string, string[]>;
}

/** A pipeline the DSL refuses: a cycle, an unknown or duplicate name. */
export class PipelineError extends Error {
  override readonly name = "PipelineError";

  constructor(message: string) {
    // Step names may be secrets: redacted where the message is made.
    super(redact(message));
  }
}

interface Entry {
  readonly step: StepConfig;
  readonly after: readonly string[];
}

/**
 * Steps with dependencies between them. EMR runs a cluster's steps in the order they were added, one at a time
 * (StepConcurrencyLevel 1), so a dependency order is enough there; with more at once EMR does not wait, and the
 * runtime uses `after` to hold steps back.
 */
export class PipelineBuilder {
  readonly entries: Chain<Entry> | undefined;

  constructor(entries: Chain<Entry> | undefined) {
    this.entries = entries;
    Object.freeze(this);
  }

  /**
   * Adds a step that runs after the given ones (steps or names; they may be added later).
   * @example pipeline().add(extract).add(load, { after: [extract] }).build().after // { extract: [], load: ["extract"] }
   */
  add(step: StepLike, options: { after?: readonly StepRef[] } = {}): PipelineBuilder {
    const after = (options.after ?? []).map((ref) => (typeof ref === "string" ? ref : toStepConfig(ref).Name));
    return new PipelineBuilder(append(this.entries, [{ step: toStepConfig(step), after }]));
  }

  /** Throws PipelineError for cycles and unknown or duplicate names, EmrValidationError for invalid steps. */
  build(): BuiltPipeline {
    const entries = toArray(this.entries);
    const index = new Map<string, number>();
    const after: Record<string, string[]> = {};
    entries.forEach((entry, i) => {
      const name = entry.step.Name;
      if (index.has(name))
        throw new PipelineError(`pipeline: two steps are named ${JSON.stringify(name)}; names identify steps`);
      index.set(name, i);
      setOwn(after, name, [...entry.after]);
    });
    for (const entry of entries) {
      for (const dependency of entry.after) {
        if (!index.has(dependency)) {
          throw new PipelineError(
            `pipeline: step ${JSON.stringify(entry.step.Name)} runs after ${JSON.stringify(dependency)}, which is not in the pipeline`,
          );
        }
      }
    }
    // Plain data (toStepConfig snapshots StepConfigs given to add()): what is checked is what is returned.
    const steps = dependencyOrder(entries, index).map((i) => entries[i]!.step);
    // A pipeline is not one request: the runtime sends it in requests of at most 256.
    const issues = validateSteps(steps).issues.filter((issue) => issue.code !== "too-many-steps");
    if (issues.some((issue) => issue.severity === "error")) throw new EmrValidationError(issues);
    return { steps, after };
  }

  /** A request of the pipeline's steps in dependency order. */
  toJobFlow(clusterId: string): JobFlowBuilder {
    return new JobFlowBuilder({ clusterId, steps: append(undefined, this.build().steps) });
  }
}

/** Depth-first, dependencies first, without recursion (10,000 steps in a chain must not overflow the stack). */
function dependencyOrder(entries: readonly Entry[], index: ReadonlyMap<string, number>): number[] {
  const state = new Uint8Array(entries.length); // 0 new, 1 on the path, 2 done
  const order: number[] = [];
  for (let root = 0; root < entries.length; root++) {
    if (state[root] === 2) continue;
    const path: number[] = [root];
    const next: number[] = [0];
    state[root] = 1;
    while (path.length > 0) {
      const at = path[path.length - 1]!;
      const deps = entries[at]!.after;
      const k = next[next.length - 1]!;
      if (k === deps.length) {
        state[at] = 2;
        order.push(at);
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = k + 1;
      const dep = index.get(deps[k]!)!;
      if (state[dep] === 2) continue;
      if (state[dep] === 1) {
        const cycle = [...path.slice(path.indexOf(dep)), dep].map((i) => entries[i]!.step.Name);
        throw new PipelineError(`pipeline: the steps form a cycle: ${cycle.reverse().join(" → ")}`);
      }
      state[dep] = 1;
      path.push(dep);
      next.push(0);
    }
  }
  return order;
}

/** Starts an empty pipeline. */
export function pipeline(): PipelineBuilder {
  return new PipelineBuilder(undefined);
}
