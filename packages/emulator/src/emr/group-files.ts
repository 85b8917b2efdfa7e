/**
 * The process groups of the steps that run, one small file each, `<dataDir>/groups/<step>.json`: the group's id,
 * its leader's start time and the boot it started in. A `kill -9` of the emulator leaves its steps' groups running
 * with nobody to end them; the next emulator on the same data directory reads these files and ends what is left
 * (left-groups.ts). A file is written in one synchronous write the moment the program has a pid, before the event
 * loop goes on, and removed once nothing of its group runs.
 *
 * Not fsynced, on purpose: what the file guards against is the emulator's process dying, after which what it wrote
 * is in the page cache for the next process to read. An fsync guards against the machine going down, and then the
 * step's processes are gone too (and a file from another boot is ignored). Two fsyncs per step start were measured
 * to slow the next step's start by a few milliseconds under load.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processStart, thisBoot } from "./proc-stat.js";

export interface GroupFile {
  step: string;
  pgid: number;
  /** The leader's start time in clock ticks after boot (`/proc/<pid>/stat`): a reused pid has another. */
  start: string;
  boot: string;
}

export class GroupFiles {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes the step's group down; throws if it cannot (the caller says so in the step's log). */
  record(step: string, pgid: number): void {
    const entry: Omit<GroupFile, "step"> = { pgid, start: processStart(pgid) ?? "", boot: thisBoot() ?? "" };
    // One write of under a hundred bytes: a kill between open and write leaves an empty file, which is skipped.
    writeFileSync(join(this.dir, `${step}.json`), JSON.stringify(entry));
  }

  /** Once nothing of the step's group runs. */
  forget(step: string): void {
    rmSync(join(this.dir, `${step}.json`), { force: true });
  }

  /** Every group a previous emulator wrote down and did not forget; unreadable files (a torn write) are skipped. */
  leftOver(): GroupFile[] {
    const found: GroupFile[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(".json")) continue;
      try {
        const entry = JSON.parse(readFileSync(join(this.dir, name), "utf8")) as Omit<GroupFile, "step">;
        if (Number.isInteger(entry.pgid) && entry.pgid > 1) found.push({ ...entry, step: name.slice(0, -5) });
      } catch {
        // A torn or foreign file: nothing to go on (the step is still found by its environment, left-groups.ts).
      }
    }
    return found;
  }

  /** Removes every file: called once what they name has been ended. */
  clear(): void {
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true });
  }
}
