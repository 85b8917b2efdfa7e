/**
 * What a step runs, once its jar and arguments are understood (resolve-program.ts): an argument vector, never a
 * shell line, and what it needs beyond the step's environment.
 */
import type { StepRecord } from "../records.js";
import type { Tools } from "./tools.js";

/** Where a step runs and keeps its temporary files. */
export interface StepDirs {
  workDir: string;
  tmpDir: string;
}

export interface Program {
  argv: string[];
  /** Host variables the program needs (a mapped tool's JAVA_HOME, SPARK_HOME…); the step's own environment wins. */
  hostEnv?: Record<string, string>;
  /** Variables set over the step's environment (where a built-in program finds the local S3 root). */
  env?: Record<string, string>;
  /** Lines for the step's controller log before it starts: how the step's arguments were rewritten, and why. */
  notes?: string[];
  /** The argv as the controller log shows it: a secret the program is given is masked there. */
  shown?: string[];
  /**
   * The root cause of a failed run, read from the end of its stderr, for FailureDetails' Message ("the error the
   * Amazon EMR service has identified as the cause of step failure… text from an error log", API reference,
   * FailureDetails) instead of the bare exit code; undefined when it cannot tell.
   */
  failure?: (stderrTail: string) => string | undefined;
}

/** What a program is resolved against: the step, where things are, its environment, the tools of this machine. */
export interface ProgramContext {
  step: StepRecord;
  s3Root: string;
  /** `hdfs:///path` of this step's cluster lives at `<hdfsRoot>/path`. */
  hdfsRoot: string;
  dirs: StepDirs;
  /** The step's environment as it will run: AWS_ENDPOINT_URL_S3 there means a local S3 endpoint is up. */
  env: Readonly<Record<string, string>>;
  tools: Tools;
}

/** A step that cannot run as given: its message becomes the step's FailureDetails. */
export class ProgramError extends Error {}
