/**
 * The journal on its own (src/emr/journal.ts), on a real file through the fs seam: what it replays and in what
 * order, what it does with a torn last record and with a damaged one, when `durable()` answers (only after the
 * fsync that covers every line before it, one fsync per batch), and what a failed write, a failed cut, a failed
 * fsync and `close()` leave on disk and in memory. The same journal under a whole emulator is fsync-order.test.ts,
 * injected-failures.test.ts and the property test beside them. The journal has no compaction: it only grows.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal, JournalError } from "../../src/emr/journal.js";
import type { AnyRecord } from "../../src/emr/record-store.js";
import { tempDir } from "../temp-dir.js";
import { FaultyFs } from "./faulty-fs.js";

const step = (id: string, extra: Record<string, unknown> = {}) =>
  ({ kind: "step", id, clusterId: "j-1", ...extra }) as unknown as AnyRecord;
const cluster = (id: string, extra: Record<string, unknown> = {}) =>
  ({ kind: "cluster", id, ...extra }) as unknown as AnyRecord;

/** FaultyFs, counting the descriptors it opened and has not closed, and able to fail fsyncSync or a cut on cue. */
class CountingFs extends FaultyFs {
  openFds = new Set<number>();
  failFsyncSync = false;
  failCuts = false;
  /** What writeSync answers instead of writing, when set (0: the disk took nothing). */
  writeAnswer: number | undefined;
  override openSync(path: string, flags: string) {
    const fd = super.openSync(path, flags);
    this.openFds.add(fd);
    return fd;
  }
  override closeSync(fd: number) {
    this.openFds.delete(fd);
    super.closeSync(fd);
  }
  override fsyncSync(fd: number) {
    if (this.failFsyncSync) throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
    super.fsyncSync(fd);
  }
  override ftruncateSync(fd: number, length: number) {
    if (this.failCuts) {
      this.log.push(`ftruncate ${length} failed`);
      throw Object.assign(new Error("EIO: i/o error, ftruncate"), { code: "EIO" });
    }
    super.ftruncateSync(fd, length);
  }
  override writeSync(fd: number, buffer: Uint8Array, offset: number, length: number) {
    if (this.writeAnswer !== undefined) {
      this.log.push(`write ${length} (answered ${this.writeAnswer})`);
      return this.writeAnswer;
    }
    return super.writeSync(fd, buffer, offset, length);
  }
}

const journals: Journal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
});

function open(dataDir: string, fs = new CountingFs()) {
  const replayed: AnyRecord[] = [];
  const journal = Journal.open(dataDir, (record) => replayed.push(record), fs);
  journals.push(journal);
  return { journal, replayed, fs, file: join(dataDir, "journal.jsonl") };
}

/** What a fresh open of the data directory replays (with node:fs' own behaviour, through FaultyFs). */
function replay(dataDir: string): AnyRecord[] {
  const { journal, replayed } = open(dataDir);
  journal.close();
  return replayed;
}

/** "resolved", "rejected: <message>", or "pending" when it has not settled within 50 ms (an fsync takes less). */
async function state(promise: Promise<unknown>): Promise<string> {
  let seen = "pending";
  promise.then(
    () => {
      seen = "resolved";
    },
    (error: Error) => {
      seen = `rejected: ${error.message}`;
    },
  );
  for (let i = 0; i < 10 && seen === "pending"; i++) await new Promise((r) => setTimeout(r, 5));
  return seen;
}

const noUndo = () => {};

describe("replay", () => {
  it("gives back every record in the order appended, across lines and within one", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, replayed } = open(dir);
    expect(replayed).toEqual([]);
    journal.append([cluster("j-1", { name: "a" }), step("s-1")], noUndo);
    journal.append([step("s-2")], noUndo);
    journal.append([step("s-1", { state: "RUNNING" }), cluster("j-1", { name: "b" })], noUndo);
    await journal.durable();
    journal.close();
    expect(replay(dir).map((r) => `${r.id}${"state" in r ? ` ${r.state}` : ""}`)).toEqual([
      "j-1",
      "s-1",
      "s-2",
      "s-1 RUNNING",
      "j-1",
    ]);
  });

  it("writes one JSON array per change, one line each, a cluster without its list of step ids", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, file } = open(dir);
    journal.append([cluster("j-1", { steps: ["s-1", "s-2"], name: "c" }), step("s-1", { steps: "kept" })], noUndo);
    journal.append([step("s-2")], noUndo);
    await journal.durable();
    expect(readFileSync(file, "utf8")).toBe(
      '[{"kind":"cluster","id":"j-1","name":"c"},{"kind":"step","id":"s-1","clusterId":"j-1","steps":"kept"}]\n' +
        '[{"kind":"step","id":"s-2","clusterId":"j-1"}]\n',
    );
    journal.close();
    expect(replay(dir)[0]).toEqual({ kind: "cluster", id: "j-1", name: "c" });
  });

  it("opens an empty or missing journal as one with nothing to replay, and a whole one without changing it", () => {
    const dir = tempDir("emrkit-journal-");
    expect(replay(dir)).toEqual([]);
    writeFileSync(join(dir, "journal.jsonl"), `${JSON.stringify([step("s-1")])}\n`);
    const { journal, replayed, fs } = open(dir);
    journal.close();
    expect(replayed).toEqual([step("s-1")]);
    expect(fs.log).toEqual(["open a+", "fsyncSync"]);
  });
});

describe("a torn last record (a crash mid-write)", () => {
  it("is cut off the file on open, never replayed, and the next line starts clean", async () => {
    const dir = tempDir("emrkit-journal-");
    const file = join(dir, "journal.jsonl");
    const whole = `${JSON.stringify([step("s-1")])}\n${JSON.stringify([step("s-2")])}\n`;
    // A multi-byte character cut in its middle: the cut is at the last newline byte, not at a decoded boundary.
    const last = Buffer.from(JSON.stringify([step("s-3", { name: "é€" })]), "utf8");
    const torn = last.subarray(0, last.indexOf(Buffer.from("é")) + 1);
    writeFileSync(file, Buffer.concat([Buffer.from(whole), torn]));
    const { journal, replayed, fs } = open(dir);
    expect(replayed.map((r) => r.id)).toEqual(["s-1", "s-2"]);
    expect(fs.log).toContain(`ftruncate ${Buffer.byteLength(whole)}`);
    expect(readFileSync(file, "utf8")).toBe(whole);
    journal.append([step("s-4")], noUndo);
    await journal.durable();
    journal.close();
    expect(replay(dir).map((r) => r.id)).toEqual(["s-1", "s-2", "s-4"]);
  });

  it("that is all the file holds leaves an empty journal", () => {
    const dir = tempDir("emrkit-journal-");
    writeFileSync(join(dir, "journal.jsonl"), '[{"kind":"step","id":"s-');
    expect(replay(dir)).toEqual([]);
    expect(readFileSync(join(dir, "journal.jsonl"), "utf8")).toBe("");
  });
});

describe("a damaged whole line (no crash makes one)", () => {
  it.each([
    ["not JSON", "[{]"],
    ["JSON but no batch", '{"kind":"step","id":"s-2"}'],
  ])("%s: refuses to open, naming the file and line, and closes what it opened", (_label, line) => {
    const dir = tempDir("emrkit-journal-");
    const file = join(dir, "journal.jsonl");
    writeFileSync(file, `${JSON.stringify([step("s-1")])}\n\n${line}\n`);
    const fs = new CountingFs();
    expect(() => Journal.open(dir, () => {}, fs)).toThrow(
      `${file}:3: the journal is damaged (this line is not a batch of records); move it aside to start afresh`,
    );
    expect(fs.openFds.size).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(line);
  });
});

describe("durable()", () => {
  it("answers only after the fsync covering the append has finished", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, fs } = open(dir);
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const done = journal.durable().then(() => fs.log.push("durable"));
    expect(await state(done)).toBe("pending");
    expect(fs.log).toContain("fsync");
    fs.letGo();
    await done;
    expect(fs.log.indexOf("durable")).toBeGreaterThan(fs.log.indexOf("fsync done"));
  });

  it("with nothing appended answers at once, with no fsync", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    fs.hold();
    expect(await state(journal.durable())).toBe("resolved");
    expect(fs.fsyncs).toBe(0);
  });

  it("covers every append of one turn of the event loop with one fsync", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    for (const id of ["s-1", "s-2", "s-3"]) journal.append([step(id)], noUndo);
    await Promise.all([journal.durable(), journal.durable()]);
    expect(fs.fsyncs).toBe(1);
  });

  it("of a line appended while an fsync runs waits for the next fsync, not that one", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const first = journal.durable().then(() => fs.log.push("first durable"));
    expect(await state(first)).toBe("pending");
    journal.append([step("s-2")], noUndo);
    const second = journal.durable().then(() => fs.log.push("second durable"));
    fs.letGo();
    await Promise.all([first, second]);
    expect(fs.fsyncs).toBe(2);
    const doneAt = fs.log.flatMap((entry, i) => (entry === "fsync done" ? [i] : []));
    expect(fs.log.indexOf("first durable")).toBeGreaterThan(doneAt[0]!);
    expect(fs.log.indexOf("second durable")).toBeGreaterThan(doneAt[1]!);
  });

  it("a line appended while an fsync runs gets an fsync of its own even when nobody waits for it", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const first = journal.durable();
    expect(await state(first)).toBe("pending");
    journal.append([step("s-2")], noUndo);
    fs.letGo();
    await first;
    for (let i = 0; i < 100 && fs.log.filter((e) => e === "fsync done").length < 2; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(fs.log.filter((e) => e === "fsync done")).toHaveLength(2);
  });
});

describe("a failed write", () => {
  it("throws a JournalError naming the file and the system's error, and leaves the file as before", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, file, fs } = open(dir);
    journal.append([step("s-1")], noUndo);
    await journal.durable();
    const before = readFileSync(file, "utf8");
    fs.fault = { on: "write", at: fs.writes + 1, kind: "short-then-ENOSPC" };
    const error = catching(() => journal.append([step("s-2", { big: "x".repeat(200) })], noUndo));
    expect(error).toBeInstanceOf(JournalError);
    expect(error.message).toBe(`writing to ${file} failed (ENOSPC: no space left on device, write)`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe("ENOSPC");
    expect(readFileSync(file, "utf8")).toBe(before);
    // The journal goes on: the next change is written after the last whole line.
    journal.append([step("s-3")], noUndo);
    await journal.durable();
    journal.close();
    expect(replay(dir).map((r) => r.id)).toEqual(["s-1", "s-3"]);
  });

  it("that comes back short is continued until the line is whole", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, fs, file } = open(dir);
    fs.fault = { on: "write", at: 1, kind: "short" };
    journal.append([step("s-1", { name: "continued" })], noUndo);
    await journal.durable();
    const length = Buffer.byteLength(readFileSync(file));
    expect(fs.log.filter((e) => e.startsWith("write"))).toEqual([`write ${length}`, `write ${length - (length >> 1)}`]);
    journal.close();
    expect(replay(dir)).toEqual([step("s-1", { name: "continued" })]);
  });

  it("that writes nothing without an error is an EIO, not an endless loop", () => {
    const { journal, fs, file } = open(tempDir("emrkit-journal-"));
    fs.writeAnswer = 0;
    expect(() => journal.append([step("s-1")], noUndo)).toThrow(
      `writing to ${file} failed (EIO: the disk took 0 bytes of the write)`,
    );
    expect(fs.log.filter((e) => e.startsWith("write"))).toHaveLength(1);
  });

  it("whose part written cannot be cut off makes the journal refuse every later line, saying both", () => {
    const { journal, fs, file } = open(tempDir("emrkit-journal-"));
    const refusals: string[] = [];
    journal.whenRefusing((e) => refusals.push(e.message));
    fs.fault = { on: "write", at: 1, kind: "ENOSPC-and-cut-fails" };
    expect(() => journal.append([step("s-1")], noUndo)).toThrow(
      `writing to ${file} failed (ENOSPC: no space left on device, write)`,
    );
    const refused =
      `writing to ${file} failed (ENOSPC: no space left on device, write), and cutting the part written off the ` +
      "file failed (EIO: i/o error, ftruncate)";
    expect(refusals).toEqual([refused]);
    expect(() => journal.append([step("s-2")], noUndo)).toThrow(refused);
    expect(fs.writes).toBe(1);
  });
});

describe("a failed fsync", () => {
  it("undoes every change it did not cover, newest first, cuts them off the file, and refuses what waits", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, fs, file } = open(dir);
    const undone: string[] = [];
    const refusals: string[] = [];
    journal.whenRefusing((e) => refusals.push(e.message));
    journal.append([step("s-1")], () => undone.push("s-1"));
    await journal.durable();
    const synced = readFileSync(file, "utf8");
    fs.fault = { on: "fsync", at: fs.fsyncs + 1, kind: "EIO" };
    journal.append([step("s-2")], () => undone.push("s-2"));
    journal.append([step("s-3")], () => undone.push("s-3"));
    const message = `the fsync of ${file} failed (EIO: i/o error, fsync)`;
    await expect(journal.durable()).rejects.toThrow(message);
    expect(undone).toEqual(["s-3", "s-2"]);
    expect(readFileSync(file, "utf8")).toBe(synced);
    expect(refusals).toEqual([message]);
    expect(() => journal.append([step("s-4")], noUndo)).toThrow(message);
    // Nothing is waited for that the failure did not cover: what was already durable stays so.
    await expect(journal.durable()).resolves.toBeUndefined();
    journal.close();
    expect(replay(dir).map((r) => r.id)).toEqual(["s-1"]);
  });

  it("undoes a line appended while the last good fsync ran, when the fsync meant for it fails", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, fs, file } = open(dir);
    const undone: string[] = [];
    fs.hold();
    journal.append([step("s-1")], () => undone.push("s-1"));
    const first = journal.durable();
    expect(await state(first)).toBe("pending");
    journal.append([step("s-2")], () => undone.push("s-2"));
    fs.fault = { on: "fsync", at: 2, kind: "EIO" };
    fs.letGo();
    await first;
    await expect(journal.durable()).rejects.toThrow(`the fsync of ${file} failed (EIO: i/o error, fsync)`);
    expect(undone).toEqual(["s-2"]);
    journal.close();
    expect(replay(dir).map((r) => r.id)).toEqual(["s-1"]);
  });

  it("is not retried: close() after it fsyncs nothing more", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    fs.fault = { on: "fsync", at: 1, kind: "EIO" };
    journal.append([step("s-1")], noUndo);
    await expect(journal.durable()).rejects.toThrow(JournalError);
    const from = fs.log.length;
    journal.close();
    expect(fs.log.slice(from)).toEqual([]);
    expect(fs.openFds.size).toBe(0);
  });

  it("after a failed cut has already stopped the journal is not told again: the listener hears once", async () => {
    const { journal, fs, file } = open(tempDir("emrkit-journal-"));
    const refusals: string[] = [];
    journal.whenRefusing((e) => refusals.push(e.message));
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const waiting = journal.durable();
    expect(await state(waiting)).toBe("pending");
    fs.fault = { on: "write", at: fs.writes + 1, kind: "ENOSPC-and-cut-fails" };
    expect(() => journal.append([step("s-2")], noUndo)).toThrow(JournalError);
    fs.fault = { on: "fsync", at: 1, kind: "EIO" };
    fs.letGo();
    await expect(waiting).rejects.toThrow(`the fsync of ${file} failed (EIO: i/o error, fsync)`);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain("cutting the part written off the file failed");
    expect(() => journal.append([step("s-3")], noUndo)).toThrow(refusals[0]);
  });

  it("that cannot cut the undone lines off says a restart may show them", async () => {
    const { journal, fs, file } = open(tempDir("emrkit-journal-"));
    fs.fault = { on: "fsync", at: 1, kind: "ENOSPC" };
    journal.append([step("s-1")], noUndo);
    fs.failCuts = true;
    await expect(journal.durable()).rejects.toThrow(
      `the fsync of ${file} failed (ENOSPC: no space left on device, fsync); the changes it covered were undone ` +
        "here, but cutting them off the file failed too (EIO: i/o error, ftruncate), so a restart may show them",
    );
    fs.failCuts = false;
  });
});

describe("close()", () => {
  it("syncs what is not yet on disk itself, runs no fsync on the closed file, and may be called again", async () => {
    const dir = tempDir("emrkit-journal-");
    const { journal, fs } = open(dir);
    journal.append([step("s-1")], noUndo);
    journal.close();
    expect(fs.log.at(-1)).toBe("fsyncSync");
    expect(await state(journal.durable())).toBe("resolved");
    expect(fs.fsyncs).toBe(0);
    expect(fs.openFds.size).toBe(0);
    expect(() => journal.close()).not.toThrow();
    expect(replay(dir).map((r) => r.id)).toEqual(["s-1"]);
  });

  it("while an fsync is held answers the waiting durable() from its own sync", async () => {
    const { journal, fs } = open(tempDir("emrkit-journal-"));
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const waiting = journal.durable();
    expect(await state(waiting)).toBe("pending");
    journal.close();
    fs.letGo();
    expect(await state(waiting)).toBe("resolved");
  });

  it("whose own fsync fails refuses whoever waits, naming the file", async () => {
    const { journal, fs, file } = open(tempDir("emrkit-journal-"));
    fs.hold();
    journal.append([step("s-1")], noUndo);
    const waiting = journal.durable();
    expect(await state(waiting)).toBe("pending");
    fs.failFsyncSync = true;
    journal.close();
    fs.letGo();
    expect(await state(waiting)).toBe(`rejected: the fsync of ${file} failed (EIO: i/o error, fsync)`);
    expect(fs.openFds.size).toBe(0);
  });
});

function catching(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}
