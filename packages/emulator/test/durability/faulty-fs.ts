/**
 * node:fs for the journal, with one fault where a test puts it: the n-th write fails (ENOSPC, EIO), comes back
 * short (and then goes on, or fails), or fails and so does cutting it back off the file; or the n-th fsync fails.
 * Fsyncs can also be held until the test lets them go. Every call is logged in order, beside what the test logs.
 */
import * as fs from "node:fs";
import type { JournalFs } from "../../src/index.js";

export type WriteFault = "ENOSPC" | "EIO" | "short" | "short-then-ENOSPC" | "ENOSPC-and-cut-fails";
export type FsyncFault = "EIO" | "ENOSPC";
export type Fault = { on: "write"; at: number; kind: WriteFault } | { on: "fsync"; at: number; kind: FsyncFault };

export const WRITE_FAULTS: readonly WriteFault[] = [
  "ENOSPC",
  "EIO",
  "short",
  "short-then-ENOSPC",
  "ENOSPC-and-cut-fails",
];
export const FSYNC_FAULTS: readonly FsyncFault[] = ["EIO", "ENOSPC"];

const MESSAGES = { ENOSPC: "no space left on device", EIO: "i/o error" };

function errno(code: "ENOSPC" | "EIO", syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code]}, ${syscall}`), {
    code,
    errno: code === "ENOSPC" ? -28 : -5,
    syscall,
  });
}

export class FaultyFs implements JournalFs {
  /** Calls and test events, in order: "write 120", "fsync", "fsync done", "fsyncSync dir", … */
  readonly log: string[] = [];
  writes = 0;
  fsyncs = 0;
  /** Whether the fault has happened (a fault past the last write never does). */
  fired = false;
  private failNextWrite = false;
  private failNextCut = false;
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;
  private readonly dirs = new Set<number>();

  /** The fault to come; a test may set it part way, counting from the writes and fsyncs made so far. */
  constructor(public fault?: Fault) {}

  /** Fsyncs from now on wait until `letGo()`. */
  hold(): void {
    this.held = new Promise((r) => {
      this.release = r;
    });
  }

  letGo(): void {
    this.release?.();
    this.held = undefined;
  }

  mkdirSync(path: string, options: { recursive: true }) {
    return fs.mkdirSync(path, options);
  }
  existsSync(path: string) {
    return fs.existsSync(path);
  }
  openSync(path: string, flags: string) {
    const fd = fs.openSync(path, flags);
    if (fs.fstatSync(fd).isDirectory()) this.dirs.add(fd);
    this.log.push(`open ${flags}${this.dirs.has(fd) ? " dir" : ""}`);
    return fd;
  }
  readFileSync(path: string) {
    return fs.readFileSync(path);
  }
  closeSync(fd: number) {
    this.dirs.delete(fd);
    fs.closeSync(fd);
  }

  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    this.writes++;
    this.log.push(`write ${length}`);
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw errno("ENOSPC", "write");
    }
    const fault = this.fault?.on === "write" && this.fault.at === this.writes ? this.fault : undefined;
    if (!fault) return fs.writeSync(fd, buffer, offset, length);
    this.fired = true;
    if (fault.kind === "short" || fault.kind === "short-then-ENOSPC") {
      this.failNextWrite = fault.kind === "short-then-ENOSPC";
      return fs.writeSync(fd, buffer, offset, Math.max(1, length >> 1));
    }
    if (fault.kind === "ENOSPC-and-cut-fails") {
      // Part of it reached the file, as a write that runs out of room part way leaves it.
      fs.writeSync(fd, buffer, offset, Math.max(1, length >> 1));
      this.failNextCut = true;
    }
    throw errno(fault.kind === "EIO" ? "EIO" : "ENOSPC", "write");
  }

  ftruncateSync(fd: number, length: number) {
    this.log.push(`ftruncate ${length}`);
    if (this.failNextCut) {
      this.failNextCut = false;
      throw errno("EIO", "ftruncate");
    }
    fs.ftruncateSync(fd, length);
  }

  fsync(fd: number, callback: (error: NodeJS.ErrnoException | null) => void) {
    this.fsyncs++;
    const at = this.fsyncs;
    this.log.push("fsync");
    const run = () => {
      if (this.fault?.on === "fsync" && this.fault.at === at) {
        this.fired = true;
        this.log.push("fsync failed");
        return callback(errno(this.fault.kind, "fsync"));
      }
      fs.fsync(fd, (error) => {
        this.log.push("fsync done");
        callback(error);
      });
    };
    if (this.held) void this.held.then(run);
    else run();
  }

  fsyncSync(fd: number) {
    this.log.push(`fsyncSync${this.dirs.has(fd) ? " dir" : ""}`);
    fs.fsyncSync(fd);
  }
}
