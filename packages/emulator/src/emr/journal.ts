import { closeSync, fsync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ClusterRecord, StepRecord } from "./records.js";

/**
 * The durable store: an append-only file of JSON lines, each a batch — the whole new versions of the cluster and
 * step records one change touched, written with one call. A request's changes are one line, so a crash part way
 * through a write loses all of them or none: AddJobFlowSteps stays all or nothing. Replay keeps the last version
 * of each record; a torn last line (the crash came mid-write, and nothing in it was acknowledged) is cut off the
 * file on open, so the next line starts clean.
 *
 * Group commit: `write` appends at once (to the page cache) and `durable()` resolves when an fsync has covered
 * everything written before it was called. One fsync, run off the event loop, covers every request that arrived
 * while the previous one was in flight, so the emulator answers nothing before it is on disk and still pays one
 * disk flush per batch rather than per request.
 */
export class Journal {
  private written = 0;
  private synced = 0;
  private flushing: Promise<void> | undefined;
  private failure: Error | undefined;
  private closed = false;

  private constructor(private readonly fd: number) {}

  /** Opens the journal of a data directory (made if need be) and gives back every record it holds. */
  static open(dataDir: string): { journal: Journal; records: (ClusterRecord | StepRecord)[] } {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, "journal.jsonl");
    const fd = openSync(path, "a+");
    // Bytes, not text: the torn tail is cut at the last newline byte, whatever the fragment's encoding.
    const bytes = readFileSync(path);
    const whole = bytes.lastIndexOf(0x0a) + 1;
    if (whole < bytes.length) ftruncateSync(fd, whole);
    const latest = new Map<string, ClusterRecord | StepRecord>();
    const lines = bytes.subarray(0, whole).toString("utf8").split("\n");
    for (const [n, line] of lines.entries()) {
      if (line === "") continue;
      for (const record of parseBatch(line, `${path}:${n + 1}`)) {
        latest.delete(record.id);
        latest.set(record.id, record);
      }
    }
    return { journal: new Journal(fd), records: restoreStepLists([...latest.values()]) };
  }

  write(records: readonly (ClusterRecord | StepRecord)[]): void {
    if (records.length === 0) return;
    writeSync(this.fd, `[${records.map(toJson).join(",")}]\n`);
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
    // Writes that came while this flush ran (a step ending) get a flush of their own, waited for or not.
    if (this.written > this.synced && !this.closed) this.flushing = this.flush();
  }
}

/** A whole line that is not a batch is damage no crash can cause: refuse to start rather than lose records. */
function parseBatch(line: string, where: string): (ClusterRecord | StepRecord)[] {
  try {
    const batch = JSON.parse(line) as unknown;
    if (Array.isArray(batch)) return batch as (ClusterRecord | StepRecord)[];
  } catch {}
  throw new Error(
    `${where}: the journal is damaged (this line is not a batch of records); move it aside to start afresh`,
  );
}

/** A cluster's list of step ids is not written with it (it would make the journal grow with the square of the
 * steps); each step carries its index in its cluster instead, and replay puts the lists back together. */
function toJson(record: ClusterRecord | StepRecord): string {
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
