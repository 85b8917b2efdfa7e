/**
 * emrkit's exit codes, one table for the README, `--help` and the code. A script can tell "my step failed" from
 * "my file is wrong" from "EMR said no" from "I could not reach AWS" without reading the output.
 */
export const EXIT = {
  ok: 0,
  /** The run ended with a step that did not complete (FAILED, CANCELLED, INTERRUPTED) or was never submitted. */
  stepFailed: 1,
  /** The command line itself: an unknown option, a missing argument, options that do not go together. */
  usage: 2,
  /** A file that cannot be read, is not JSON, has errors, or cannot be expressed in the format asked for. */
  invalidInput: 3,
  /** Refused before or by EMR: preflight (cluster state, concurrency, the 256-step room), EMR's own refusal. */
  refused: 4,
  /** No AWS region or credentials, or the EMR endpoint could not be reached. */
  awsSetup: 5,
  /** emrkit itself failed: a bug; the message says what happened. */
  internal: 70,
  /** Ctrl-C (SIGINT): the run was cancelled, or left as the message says. */
  sigint: 130,
  /** SIGTERM, likewise. */
  sigterm: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The table as `--help` prints it (and the README shows). */
export const EXIT_CODE_TABLE = `Exit codes:
  0    ok (validate: no errors; submit: every step COMPLETED, or submitted with --no-wait)
  1    a step FAILED, was CANCELLED or INTERRUPTED, or was never submitted
  2    usage: unknown option, missing argument, options that do not go together
  3    invalid input: a file unreadable, not JSON, with errors, or not expressible in --format
  4    refused by preflight or by EMR (cluster state, concurrency, ValidationException, access denied)
  5    AWS setup: no region, no credentials, or the endpoint cannot be reached
  70   emrkit itself failed (a bug)
  130  interrupted by Ctrl-C (SIGINT); 143 by SIGTERM`;
