import { closeSync, fsync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ClusterRecord, StepRecord } from "./records.js";

/**
 * The durable store: an append-only file of JSON lines, each the whole new version of a cluster or step record.
 * Replay keeps the last version of each record; a torn last line (the crash came mid-write) is ignored.
 *
 * Group commit: `write` appends at once (to the page cache) and `durable()` resolves when an fsync has covered
 * everything written before it was called. One fsync, run off the event loop, covers every request that arrived
 * while the previous one was in flight, so the emulator answers nothing before it is on disk and still pays one
 * disk flush per batch rather than per request.
 */
export class Journal {
  private readonly fd: number;
  private written = 0;
  private synced = 0;
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.fd = openSync(join(dataDir, "journal.jsonl"), "a+");
  }

  static replay(dataDir: string): (ClusterRecord | StepRecord)[] {
    let text = "";
    try {
      text = readFileSync(join(dataDir, "journal.jsonl"), "utf8");
    } catch {
      return [];
    }
    const latest = new Map<string, ClusterRecord | StepRecord>();
    for (const line of text.split("\n")) {
      if (line === "") continue;
      try {
        const record = JSON.parse(line) as ClusterRecord | StepRecord;
        latest.delete(record.id);
        latest.set(record.id, record);
      } catch {
        // A torn last line: the write it belonged to was never acknowledged.
      }
    }
    return restoreStepLists([...latest.values()]);
  }

  write(records: readonly (ClusterRecord | StepRecord)[]): void {
    if (records.length === 0) return;
    writeSync(this.fd, `${records.map(toLine).join("\n")}\n`);
    this.written++;
    // State changes no request waits for (a step ending) reach the disk in the next batch all the same.
    if (!this.flushing) this.flushing = this.flush();
  }

  /** Resolves once everything written so far is on disk. */
  async durable(): Promise<void> {
    const target = this.written;
    while (this.synced < target) {
      this.flushing ??= this.flush();
      await this.flushing;
      if (this.failure) throw this.failure;
    }
  }

  close(): void {
    this.closed = true;
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  private async flush(): Promise<void> {
    // Let every write of this turn of the event loop join the batch before the flush starts.
    await new Promise((r) => setImmediate(r));
    const upTo = this.written;
    if (!this.closed) {
      // A failed fsync is kept, not thrown: nobody may be waiting, and every later durable() must refuse.
      const error = await new Promise<Error | null>((done) => fsync(this.fd, done));
      if (error) this.failure ??= error;
    }
    this.synced = upTo;
    this.flushing = undefined;
  }
}

/** A cluster's list of step ids is not written with it (it would make the journal grow with the square of the
 * steps); each step carries its index in its cluster instead, and replay puts the lists back together. */
function toLine(record: ClusterRecord | StepRecord): string {
  if (record.kind === "step") return JSON.stringify(record);
  const { steps: _steps, ...cluster } = record;
  return JSON.stringify(cluster);
}

function restoreStepLists(records: (ClusterRecord | StepRecord)[]): (ClusterRecord | StepRecord)[] {
  const clusters = new Map<string, ClusterRecord>();
  for (const r of records) if (r.kind === "cluster") clusters.set(r.id, { ...r, steps: [] });
  const steps = records.filter((r): r is StepRecord => r.kind === "step" && clusters.has(r.clusterId));
  steps.sort((a, b) => a.index - b.index);
  for (const step of steps) clusters.get(step.clusterId)!.steps.push(step.id);
  return [...clusters.values(), ...steps];
}
