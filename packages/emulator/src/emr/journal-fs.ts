import * as fs from "node:fs";

/**
 * The file operations the journal makes, and nothing else: node:fs by default, or a test's own, to make a write
 * fail (ENOSPC, EIO), come back short, or hold an fsync, at the exact call a test picks.
 */
export interface JournalFs {
  mkdirSync(path: string, options: { recursive: true }): string | undefined;
  existsSync(path: string): boolean;
  openSync(path: string, flags: string): number;
  readFileSync(path: string): Buffer;
  /** Writes up to `length` bytes of `buffer` from `offset`; may write fewer (a short write) and say how many. */
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsync(fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  closeSync(fd: number): void;
}

export const nodeFs: JournalFs = {
  mkdirSync: (path, options) => fs.mkdirSync(path, options),
  existsSync: (path) => fs.existsSync(path),
  openSync: (path, flags) => fs.openSync(path, flags),
  readFileSync: (path) => fs.readFileSync(path),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsync: (fd, callback) => fs.fsync(fd, callback),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  closeSync: (fd) => fs.closeSync(fd),
};
