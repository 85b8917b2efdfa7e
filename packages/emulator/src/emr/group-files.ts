/**
 * The process groups of the steps that run, one small file each, `<dataDir>/groups/<step>.json`: the group's id,
 * its leader's start time and the boot it started in. A `kill -9` of the emulator leaves its steps' groups running
 * with nobody to end them; the next emulator on the same data directory reads these files and ends what is left
 * (left-groups.ts). A file is written whole (temp file, fsync, rename, fsync of the folder) as soon as the step's
 * program has a pid, and removed once nothing of its group runs.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { processStart, thisBoot } from "./proc-stat.js";

export interface GroupFile {
  step: string;
  pgid: number;
  /** The leader's start time in clock ticks after boot (`/proc/<pid>/stat`): a reused pid has another. */
  start: string;
  boot: string;
}

export class GroupFiles {
  /** Makes the folder if need be, its entry (and each new parent's) on disk before any file is written in it. */
  constructor(readonly dir: string) {
    const made = mkdirSync(dir, { recursive: true });
    if (made === undefined) return;
    for (let d = dir; ; d = dirname(d)) {
      const fd = openSync(d, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (d === dirname(made) || dirname(d) === d) return;
    }
  }

  /** Writes the step's group down durably; rejects if it cannot (the caller says so in the step's log). */
  async record(step: string, pgid: number): Promise<void> {
    const entry: Omit<GroupFile, "step"> = { pgid, start: processStart(pgid) ?? "", boot: thisBoot() ?? "" };
    const path = join(this.dir, `${step}.json`);
    const temp = `${path}.tmp`;
    const file = await open(temp, "w");
    try {
      await file.writeFile(JSON.stringify(entry));
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncDirectory(this.dir);
  }

  /** Once nothing of the step's group runs. Not fsynced: a file left behind names a group that is gone. */
  async forget(step: string): Promise<void> {
    await rm(join(this.dir, `${step}.json`), { force: true });
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

  /** Removes every file, the temp files of torn writes too: called once what they name has been ended. */
  async clear(): Promise<void> {
    await Promise.all(readdirSync(this.dir).map((name) => rm(join(this.dir, name), { force: true })));
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
