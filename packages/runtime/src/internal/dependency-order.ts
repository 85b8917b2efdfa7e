/**
 * Dependency handling by step name. `after[name]` lists the names a step comes after (the DSL's
 * `pipeline().build().after`). Names that are not among the request's steps are ignored: they cannot be waited on.
 */
export type After = Record<string, readonly string[]>;

/** A stable topological order: among the steps that are ready, the earliest in the request goes first. */
export function dependencyOrder<T extends { Name?: string | undefined }>(steps: readonly T[], after: After): T[] {
  const names = new Set(steps.map((step) => step.Name ?? ""));
  const placed = new Set<string>();
  const remaining = steps.map((step, index) => ({ step, index }));
  const out: T[] = [];
  while (remaining.length > 0) {
    const doneNames = new Set(out.map((step) => step.Name ?? ""));
    const pendingNames = new Set(remaining.map(({ step }) => step.Name ?? ""));
    const at = remaining.findIndex(({ step }) =>
      (after[step.Name ?? ""] ?? []).every((dep) => !names.has(dep) || (doneNames.has(dep) && !pendingNames.has(dep))),
    );
    if (at === -1) {
      const stuck = remaining.map(({ step }) => step.Name ?? "").join(", ");
      throw new Error(`@emrkit/runtime: the dependencies form a cycle among: ${stuck}`);
    }
    const [next] = remaining.splice(at, 1);
    if (next !== undefined) {
      out.push(next.step);
      placed.add(next.step.Name ?? "");
    }
  }
  return out;
}

/** What a step waits for: its dependencies (request names only) that have not completed yet. */
export function waitingFor(
  name: string,
  after: After,
  requestNames: ReadonlySet<string>,
  completed: (dep: string) => boolean,
): string[] {
  return (after[name] ?? []).filter((dep) => requestNames.has(dep) && !completed(dep));
}
