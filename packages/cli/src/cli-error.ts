import type { ExitCode } from "./exit-codes.js";

/** What kind of failure, as `error.kind` in the JSON output; each has its exit code (exit-codes.ts). */
export type ErrorKind =
  | "usage"
  | "file"
  | "invalid-input"
  | "cannot-express"
  | "refused"
  | "aws-config"
  | "connection"
  | "interrupted"
  | "internal";

export interface ErrorDetails {
  file?: string;
  line?: number;
  column?: number;
  issues?: readonly unknown[];
  endpoint?: string;
}

/** A failure the command explains in one line, with the exit code and the kind that say what it was. */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    readonly kind: ErrorKind,
    readonly exitCode: ExitCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}
