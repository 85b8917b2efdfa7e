/**
 * Moves a request body along without stream.pipeline: each chunk goes once through `each` (the digests) and, when
 * a file is given, into it with backpressure (the request paused while the file's queue is full). pipeline()
 * costs a small request more than its body does: it makes an AbortController and, as it finishes, aborts it,
 * which builds a DOMException with a stack trace (profiled: 5% of a 4 KB put's CPU) — and every Transform between
 * the socket and the file is a copy of the stream machinery per chunk.
 */
import type { WriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";

export class ClientGone extends Error {
  constructor() {
    super("The client closed the connection before the body was whole.");
  }
}

/**
 * Resolves once all of `source` went through `each` (and is in `file`, flushed to the kernel); rejects on the
 * first error of either, or when the client goes away first. `source` is `req` or a decoder fed from it.
 */
export function flow(
  req: IncomingMessage,
  source: Readable,
  each: (chunk: Buffer) => void,
  file?: WriteStream,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error === undefined) resolve();
      else {
        if (source !== req) source.destroy();
        reject(error);
      }
    };
    source.on("data", (chunk: Buffer) => {
      if (settled) return;
      try {
        each(chunk);
      } catch (error) {
        return settle(error);
      }
      if (file && !file.write(chunk)) {
        source.pause();
        file.once("drain", () => source.resume());
      }
    });
    source.once("error", settle);
    if (source !== req) req.once("error", settle);
    // A client that goes away mid-body: the request closes without having ended ('aborted' in older Nodes).
    req.once("close", () => {
      if (!req.complete) settle(new ClientGone());
    });
    source.once("end", () => {
      if (!file) return settle();
      file.end((error?: Error | null) => settle(error ?? undefined));
    });
    file?.once("error", settle);
  });
}
