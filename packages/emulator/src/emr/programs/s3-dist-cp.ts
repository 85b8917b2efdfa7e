/**
 * `s3-dist-cp` (command-runner.jar's first argument, or the s3-dist-cp.jar EMR keeps at
 * /usr/share/aws/emr/s3-dist-cp/lib/), built in: checked and planned here, so that bad options and an empty
 * --src fail the step with FailureDetails that say why, then run as a Node process of the step's own
 * (s3-dist-cp/main.ts), so that cancelling, killing its group and its logs work as for any step. It works on the
 * files of the local S3 root and of the cluster's HDFS folder directly (locations.ts), as the S3 endpoint serves
 * the same files.
 */
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { nearest } from "./near-miss.js";
import { type Program, type ProgramContext, ProgramError } from "./program.js";
import { planDistCp } from "./s3-dist-cp/run-dist-cp.js";

/** `args` are S3DistCp's options; `argOffset` is where they start in the step's Args, for error messages. */
export async function s3DistCp(context: ProgramContext, args: string[], argOffset: number): Promise<Program> {
  const roots = { s3Root: context.s3Root, hdfsRoot: context.hdfsRoot, workDir: context.dirs.workDir };
  try {
    await planDistCp(args, roots, argOffset, nearest);
  } catch (error) {
    throw new ProgramError(`s3-dist-cp: ${(error as Error).message}`);
  }
  return {
    argv: [...distCpMain(), ...args],
    env: { EMRKIT_S3_ROOT: context.s3Root, EMRKIT_HDFS_ROOT: context.hdfsRoot },
    failure: distCpFailure,
  };
}

/** The last `ERROR S3DistCp:` line main.ts wrote (run-dist-cp.ts): the I/O error that stopped the copy, and where. */
export function distCpFailure(stderrTail: string): string | undefined {
  const lines = stderrTail.split("\n").filter((line) => line.includes(" ERROR S3DistCp: "));
  const last = lines.at(-1);
  return last === undefined ? undefined : `s3-dist-cp: ${last.slice(last.indexOf(" ERROR S3DistCp: ") + 17)}`;
}

/**
 * How to start main.ts: compiled, it is a JavaScript file beside this one; on source (the workspace's tests),
 * Node runs it through tsx, a development dependency of this package.
 */
function distCpMain(): string[] {
  const onSource = import.meta.url.endsWith(".ts");
  const main = fileURLToPath(new URL(`./s3-dist-cp/main.${onSource ? "ts" : "js"}`, import.meta.url));
  if (!onSource) return [process.execPath, main];
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return [process.execPath, "--import", pathToFileURL(tsx).href, main];
}
