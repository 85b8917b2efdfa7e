import type { ClusterRecord, StepRecord } from "./records.js";

export type AnyRecord = ClusterRecord | StepRecord;

/**
 * The emulator's records in memory. They change only through `apply`, which puts the whole new version of a record
 * in place of the old one, whatever fields records come to have: the engine's changes go through it, and so does the
 * journal's replay at start, so a restart rebuilds what the running emulator had. A record keeps one object for its
 * lifetime (code holding it sees it change). A cluster's list of step ids belongs to the store: it is not journaled,
 * and grows as each of the cluster's steps first appears.
 */
export class RecordStore {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly steps = new Map<string, StepRecord>();

  get(record: Pick<AnyRecord, "kind" | "id">): AnyRecord | undefined {
    return record.kind === "cluster" ? this.clusters.get(record.id) : this.steps.get(record.id);
  }

  /**
   * Makes `next` the record's version and gives back the record's object. A record new to the store is kept as
   * given; a step of a cluster the store does not have is dropped (replay of a journal that lost its cluster).
   */
  apply(next: AnyRecord): AnyRecord | undefined {
    const current = this.get(next);
    if (current) {
      overwrite(current, next);
      return current;
    }
    if (next.kind === "cluster") {
      if (!Array.isArray(next.steps)) next.steps = [];
      this.clusters.set(next.id, next);
      return next;
    }
    const cluster = this.clusters.get(next.clusterId);
    if (!cluster) return undefined;
    this.steps.set(next.id, next);
    cluster.steps.push(next.id);
    return next;
  }

  /** Takes out a record that `apply` added, undoing it: a step leaves its cluster's list. */
  remove(record: AnyRecord): void {
    if (record.kind === "cluster") return void this.clusters.delete(record.id);
    this.steps.delete(record.id);
    const list = this.clusters.get(record.clusterId)?.steps;
    const at = list ? list.lastIndexOf(record.id) : -1;
    if (at >= 0) list!.splice(at, 1);
  }
}

/** `target` becomes `source`, field for field (the fields `source` lacks are removed), but for a cluster's step list. */
function overwrite(target: AnyRecord, source: AnyRecord): void {
  if (target === source) return;
  const to = target as unknown as Record<string, unknown>;
  const from = source as unknown as Record<string, unknown>;
  for (const key of Object.keys(to)) if (!Object.hasOwn(from, key) && key !== "steps") delete to[key];
  for (const key of Object.keys(from)) if (key !== "steps" || target.kind !== "cluster") to[key] = from[key];
}
