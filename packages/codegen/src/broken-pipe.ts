/**
 * A command's output may go to a reader that stops early (`emrkit-codegen … | head`): the next write then fails
 * with EPIPE, which Node reports as an 'error' event on the stream and, with no listener, a crash with a stack
 * trace. Unix tools stop quietly when their reader is gone; so do we: the broken pipe is ignored, what is still
 * written to it is dropped, and the command ends with its own exit status (0 when its work succeeded).
 */
const QUIET = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

export function ignoreBrokenPipe(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (!QUIET.has(error.code ?? "")) throw error;
    });
  }
}
