/**
 * One log file a step's output is copied into, that survives the disk failing under it (ENOSPC, EIO): the write
 * error is kept instead of thrown (a stream's unhandled "error" would end the whole emulator), the rest of the
 * output is read and dropped (so the program never blocks on a full pipe), and what was lost is counted, for the
 * step's controller log to say.
 */
import { createWriteStream } from "node:fs";
import type { Readable, Writable } from "node:stream";

/** How a log file is opened: node:fs by default; a seam for tests that make the disk fail. */
export type OpenLog = (path: string) => Writable;
export const openLogFile: OpenLog = (path) => createWriteStream(path);

export class LogSink {
  /** The first write error, once there is one; nothing more is written after it. */
  error: Error | undefined;
  /** Bytes that did not reach the file (from the write that failed on). */
  lostBytes = 0;
  private readonly stream: Writable;
  private pending = 0;

  constructor(
    readonly path: string,
    open: OpenLog = openLogFile,
  ) {
    this.stream = open(path);
    this.stream.on("error", (error) => {
      this.error ??= error;
      this.lostBytes += this.pending;
      this.pending = 0;
    });
  }

  /** Copies `source` in, with backpressure while the file takes it and draining to nowhere once it does not. */
  follow(source: Readable): void {
    source.on("data", (chunk: Buffer) => this.write(chunk, source));
  }

  write(chunk: Buffer | string, source?: Readable): void {
    const size = Buffer.byteLength(chunk);
    if (this.error || this.stream.destroyed) {
      this.lostBytes += size;
      return;
    }
    this.pending += size;
    const more = this.stream.write(chunk, (error) => {
      if (!error) this.pending -= size;
    });
    if (!more && source) {
      source.pause();
      const resume = () => {
        this.stream.off("drain", resume);
        this.stream.off("error", resume);
        source.resume();
      };
      this.stream.on("drain", resume);
      this.stream.on("error", resume);
    }
  }

  /** Resolves once everything written is flushed, or the file has failed; never rejects. */
  finish(): Promise<void> {
    if (this.stream.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      this.stream.once("error", () => resolve());
      this.stream.end(() => resolve());
    });
  }

  /** What the controller log says of this file, if it lost anything. */
  lossNote(name: string): string | undefined {
    if (!this.error) return undefined;
    return `${name}: ${this.lostBytes} bytes of the step's output were not written (${this.error.message}); the file holds what was written before`;
  }
}
