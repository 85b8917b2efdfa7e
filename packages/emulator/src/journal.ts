import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ClusterRecord, StepRecord } from "./records.js";

/**
 * The durable store: an append-only file of JSON lines, each the whole new version of a cluster or step record.
 * Every append is fsynced before the emulator answers, so what it acknowledged survives a `kill -9`. Replay keeps
 * the last version of each record; a torn last line (the crash came mid-write) is ignored.
 */
export class Journal {
  private readonly fd: number;

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
    return [...latest.values()];
  }

  write(records: readonly (ClusterRecord | StepRecord)[]): void {
    if (records.length === 0) return;
    writeSync(this.fd, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}
