/**
 * `command-runner.jar`: runs its first argument with the rest, dropping empty strings as EMR does (EMR-FACTS). The
 * program is looked for on the step's PATH before it starts, so that one this machine does not have fails the step
 * saying so, by name; EMR's own tools (s3-dist-cp, spark-submit, hive-script, pig-script, hadoop-streaming) are
 * built in or mapped onto this machine's (resolve-program.ts).
 */
import { type Program, type ProgramContext, ProgramError } from "./program.js";

/** Programs an EMR node has that a step may name, for the not-found message; not a complete list. */
const EMR_PROGRAMS = new Set([
  "hadoop",
  "hdfs",
  "yarn",
  "mapred",
  "hive",
  "beeline",
  "pig",
  "spark-shell",
  "spark-sql",
  "pyspark",
  "hbase",
  "sqoop",
  "flink",
  "presto-cli",
  "trino-cli",
  "oozie",
]);

export async function commandRunner(context: ProgramContext, argv: string[]): Promise<Program> {
  const [program] = argv;
  if (!program) throw new ProgramError("command-runner.jar needs a program to run as its first argument");
  const path = context.env.PATH ?? "";
  if (!(await context.tools.which(program, path, context.dirs.workDir)))
    throw new ProgramError(notFound(program, path));
  return { argv };
}

function notFound(program: string, path: string): string {
  if (program.includes("/")) {
    return `command-runner.jar: ${program} is not an executable file on this machine (a relative path is relative to the step's own directory); give the path of a program that is here, or a program name on PATH`;
  }
  const emr = EMR_PROGRAMS.has(program) ? `${program} is a program EMR clusters have, and it ` : `${program} `;
  return `command-runner.jar: ${emr}is not installed on this machine: no executable ${program} on the step's PATH (${path || "empty"}). Install it and put it on PATH before the emulator starts, or give its absolute path as Args[0]`;
}
