import { dirname, join } from "node:path";
import { type JournalFs, nodeFs } from "./journal-fs.js";
import type { AnyRecord } from "./record-store.js";

/**
 * The durable store: an append-only file of JSON lines, each one change — the whole new versions of the cluster and
 * step records it touched, written whole (a short write is continued; a failed one is cut off the file again). A
 * request is one change, so a crash part way through a write loses all of it or none: AddJobFlowSteps stays all or
 * nothing. Replay applies the lines in order; a torn last line (the crash came mid-write, and nothing in it was
 * acknowledged) is cut off the file on open, so the next line starts clean.
 *
 * Group commit: `append` writes at once (to the page cache) and `durable()` resolves when an fsync has covered
 * everything appended before it was called. One fsync, run off the event loop, covers every change that came while
 * the previous one was in flight: one disk flush per batch rather than per request.
 *
 * A failed fsync is not retried (after one, Linux may have dropped the dirty pages, and a second fsync would
 * succeed without them): every line it did not cover is undone (each `append` says how) and cut off the file, every
 * `durable()` waiting on one refuses, and the journal takes no more lines.
 */
export class Journal {
  /** Bytes of whole lines in the file, and how many of them an fsync has covered. */
  private size: number;
  private syncedSize: number;
  private written = 0;
  private synced = 0;
  /** The lines no fsync has covered yet, oldest first, each with what undoes its change. */
  private unsynced: { line: number; undo: () => void }[] = [];
  private flushing: Promise<void> | undefined;
  /** Why no more lines are taken, once that is so. */
  private refusing: JournalError | undefined;
  private lost: { after: number; error: JournalError } | undefined;
  private onRefusing: ((error: JournalError) => void) | undefined;
  private closed = false;

  private constructor(
    private readonly fs: JournalFs,
    private readonly fd: number,
    private readonly path: string,
    size: number,
  ) {
    this.size = size;
    this.syncedSize = size;
  }

  /** Opens the journal of a data directory (made if need be) and replays every record it holds, oldest first. */
  static open(dataDir: string, replay: (record: AnyRecord) => void, fs: JournalFs = nodeFs): Journal {
    const made = fs.mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, "journal.jsonl");
    const creating = !fs.existsSync(path);
    const fd = fs.openSync(path, "a+");
    try {
      // A new file is lost with its directory entry: that entry (and a new folder's own) goes to disk first.
      if (creating) syncDirectories(fs, dataDir, made);
      // Bytes, not text: the torn tail is cut at the last newline byte, whatever the fragment's encoding.
      const bytes = fs.readFileSync(path);
      const whole = bytes.lastIndexOf(0x0a) + 1;
      if (whole < bytes.length) fs.ftruncateSync(fd, whole);
      const lines = bytes.subarray(0, whole).toString("utf8").split("\n");
      for (const [n, line] of lines.entries()) {
        if (line !== "") for (const record of parseBatch(line, `${path}:${n + 1}`)) replay(record);
      }
      return new Journal(fs, fd, path, whole);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** Called once, when the journal stops taking lines (it cannot write, or an fsync failed). */
  whenRefusing(listener: (error: JournalError) => void): void {
    this.onRefusing = listener;
  }

  /**
   * Writes one change as one line, whole, or throws a JournalError having written nothing (what a failed write left
   * is cut off). `undo` puts memory back as it was before the change, should the fsync meant to cover it fail.
   */
  append(records: readonly AnyRecord[], undo: () => void): void {
    if (this.refusing) throw this.refusing;
    const line = Buffer.from(`[${records.map(toJson).join(",")}]\n`, "utf8");
    try {
      for (let done = 0; done < line.length; ) {
        const n = this.fs.writeSync(this.fd, line, done, line.length - done);
        // Nothing written and no error: the disk takes nothing more, and trying again would spin.
        if (n <= 0) throw Object.assign(new Error("the disk took 0 bytes of the write"), { code: "EIO" });
        done += n;
      }
    } catch (error) {
      throw this.cutBack(error);
    }
    this.size += line.length;
    this.written++;
    this.unsynced.push({ line: this.written, undo });
    this.flushing ??= this.flush();
  }

  /** Resolves once everything appended so far is on disk; refuses if the fsync that was to cover it failed. */
  async durable(): Promise<void> {
    const target = this.written;
    while (this.synced < target && !this.lost) {
      this.flushing ??= this.flush();
      await this.flushing;
    }
    if (this.lost && target > this.lost.after) throw this.lost.error;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.lost) this.fs.fsyncSync(this.fd);
      this.synced = this.written;
    } catch (error) {
      // Not thrown: no answer given waits on it (each came after an fsync of its own), only changes the emulator made
      // on its own since (a step ending), which a restart deals with as after a crash. Whoever waits is refused.
      this.lost = {
        after: this.synced,
        error: new JournalError(`the fsync of ${this.path} failed (${describe(error)})`, error),
      };
    } finally {
      this.fs.closeSync(this.fd);
    }
  }

  /** A write failed: cut what it left off, so the next line starts clean; if even that fails, take no more lines. */
  private cutBack(cause: unknown): JournalError {
    const failure = new JournalError(`writing to ${this.path} failed (${describe(cause)})`, cause);
    try {
      this.fs.ftruncateSync(this.fd, this.size);
    } catch (cut) {
      this.refuse(
        new JournalError(
          `${failure.message}, and cutting the part written off the file failed (${describe(cut)})`,
          cut,
        ),
      );
    }
    return failure;
  }

  private async flush(): Promise<void> {
    // Let every change of this turn of the event loop join the batch before the flush starts.
    await new Promise((r) => setImmediate(r));
    const upTo = this.written;
    const sizeAt = this.size;
    if (!this.closed) {
      const error = await new Promise<Error | null>((done) => this.fs.fsync(this.fd, done));
      // close() has synced the file itself meanwhile (and this fsync may have raced its fd).
      if (this.closed || error) this.flushing = undefined;
      if (this.closed) return;
      if (error) return this.lose(error);
    }
    this.synced = upTo;
    this.syncedSize = sizeAt;
    let covered = 0;
    while (covered < this.unsynced.length && this.unsynced[covered]!.line <= upTo) covered++;
    this.unsynced.splice(0, covered);
    this.flushing = undefined;
    // Changes that came while this flush ran (a step ending) get a flush of their own, waited for or not.
    if (this.written > this.synced && !this.closed) this.flushing = this.flush();
  }

  /** An fsync failed: every change it did not cover is undone in memory and cut off the file, and no more come. */
  private lose(cause: Error): void {
    let error = new JournalError(`the fsync of ${this.path} failed (${describe(cause)})`, cause);
    for (const { undo } of this.unsynced.splice(0).reverse()) undo();
    try {
      this.fs.ftruncateSync(this.fd, this.syncedSize);
    } catch (cut) {
      error = new JournalError(
        `${error.message}; the changes it covered were undone here, but cutting them off the file failed too (${describe(cut)}), so a restart may show them`,
        cause,
      );
    }
    this.lost = { after: this.synced, error };
    this.written = this.synced;
    this.size = this.syncedSize;
    this.refuse(error);
  }

  private refuse(error: JournalError): void {
    if (this.refusing) return;
    this.refusing = error;
    this.onRefusing?.(error);
  }
}

/** A write or fsync of the journal that failed: the message names the file and the system's error. */
export class JournalError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code && !String(e.message).startsWith(e.code) ? `${e.code}: ${e.message}` : String(e?.message ?? error);
}

/**
 * The directory that holds the new journal, the one that holds that (whoever made the data directory, it may be
 * new), and each further one `mkdirSync` made on the way.
 */
function syncDirectories(fs: JournalFs, dataDir: string, made: string | undefined): void {
  const last = dirname(made ?? dataDir);
  for (let dir = dataDir; ; dir = dirname(dir)) {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (dir === last || dirname(dir) === dir) return;
  }
}

/** A whole line that is not a batch is damage no crash can cause: refuse to start rather than lose records. */
function parseBatch(line: string, where: string): AnyRecord[] {
  try {
    const batch = JSON.parse(line) as unknown;
    if (Array.isArray(batch)) return batch as AnyRecord[];
  } catch {}
  throw new Error(
    `${where}: the journal is damaged (this line is not a batch of records); move it aside to start afresh`,
  );
}

/** A cluster's list of step ids is not written with it (it would make the journal grow with the square of the
 * steps); each step carries its index in its cluster instead, and replay rebuilds the lists in order. */
function toJson(record: AnyRecord): string {
  if (record.kind === "step") return JSON.stringify(record);
  const { steps: _steps, ...cluster } = record;
  return JSON.stringify(cluster);
}
