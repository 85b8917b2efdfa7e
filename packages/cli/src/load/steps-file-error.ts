import type { Position } from "./parse-json.js";

/**
 * A steps file that could not be read at all: missing, a directory, not JSON, a module that throws. The message
 * starts with the file (and `:line:column` where the file is JSON), as compilers print theirs, so that editors
 * and terminals can jump there.
 */
export class StepsFileError extends Error {
  override readonly name = "StepsFileError";

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly at?: Position,
  ) {
    super(`${file}${at ? `:${at.line}:${at.column}` : ""}: ${reason}`);
  }
}
