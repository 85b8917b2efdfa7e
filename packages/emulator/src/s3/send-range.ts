/**
 * Sends bytes `start`–`end` of an open file as a response body, then closes the file. One buffer per response,
 * read into again once the socket has taken what it held: createReadStream allocates a fresh buffer for every
 * read, and a fresh multi-megabyte buffer is memory the kernel maps and zeroes page by page each time (profiled:
 * a third of a 16 MB get's CPU went to that with 8 MiB reads). 1 MiB reads: few trips through libuv's thread
 * pool, and a buffer that stays in the CPU's caches less badly than a bigger one.
 */
import { close, read } from "node:fs";
import type { ServerResponse } from "node:http";

const CHUNK = 1 << 20;

export function sendRange(fd: number, start: number, end: number, res: ServerResponse): void {
  const buffer = Buffer.allocUnsafeSlow(Math.min(CHUNK, end - start + 1));
  let position = start;
  let closed = false;
  let reading = false;
  // The file is closed once no read of it is under way in the thread pool: a number closed under a queued read
  // could be another file's by the time it runs.
  const finish = () => {
    if (closed) return;
    closed = true;
    if (!reading) close(fd, () => undefined);
  };
  // A client that goes away mid-body: nothing more is read, the file is closed.
  res.once("close", finish);
  const next = () => {
    if (closed) return;
    if (position > end) {
      res.end();
      return finish();
    }
    reading = true;
    read(fd, buffer, 0, Math.min(buffer.length, end - position + 1), position, (error, got) => {
      reading = false;
      if (closed) return void close(fd, () => undefined);
      if (error || got === 0) {
        // The file shrank or failed under us: the length promised cannot be kept, so the answer is cut.
        res.destroy(error ?? new Error("The object's file ended early."));
        return finish();
      }
      position += got;
      res.write(got === buffer.length ? buffer : buffer.subarray(0, got), (writeError) => {
        if (writeError) return finish();
        next();
      });
    });
  };
  next();
}
