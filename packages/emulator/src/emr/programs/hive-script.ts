/**
 * `hive-script --run-hive-script --args …`, EMR's Hive step (what `aws emr add-steps Type=HIVE` sends, EMR-FACTS),
 * runs the Hive CLI of this machine with what follows `--args`: its -f and -i scripts as local paths, s3:// in
 * -d/--define/--hivevar/--hiveconf values to the local S3 (s3-arguments.ts); MapReduce in local mode and S3A's
 * settings as `--hiveconf`, before the step's own, so that the step's win.
 */
import { localJobSettings, mappedTool } from "./mapped-tool.js";
import { type Program, type ProgramContext, ProgramError } from "./program.js";
import type { S3Arguments } from "./s3-arguments.js";
import type { MappedTool } from "./tools.js";

const HIVE_RESOURCES = new Set(["-f", "-i"]);

export function hiveScript(context: ProgramContext, args: string[], argOffset: number): Promise<Program> {
  return scriptTool(context, "hive-script", "--run-hive-script", args, argOffset, (s3, cliArgs, at) => ({
    args: [...localJobSettings(s3, "--hiveconf"), ...rewriteCli(s3, cliArgs, at, HIVE_RESOURCES)],
    changes: ["--hiveconf mapreduce.framework.name=local added: Hive's jobs run on this machine, not on YARN"],
  }));
}

/**
 * EMR's script wrappers: `<tool> --run-<x>-script [wrapper options] --args <CLI arguments>`; the wrapper's own
 * options (`--hive-versions latest` on AMI clusters) say which version to run and mean nothing here.
 */
export function scriptTool(
  context: ProgramContext,
  tool: MappedTool,
  runFlag: string,
  args: string[],
  argOffset: number,
  build: (s3: S3Arguments, cliArgs: string[], at: number) => { args: string[]; changes: string[] },
): Promise<Program> {
  if (args[0] !== runFlag) {
    throw new ProgramError(
      `Args[${argOffset}]: ${tool} takes ${runFlag} --args <arguments>, as EMR's ${tool} steps do; got ${JSON.stringify(args[0] ?? "")}`,
    );
  }
  const start = args.indexOf("--args");
  if (start < 0)
    throw new ProgramError(`${tool}: no --args after ${runFlag}; EMR's ${tool} passes what follows --args to the CLI`);
  return mappedTool(context, tool, [tool, ...args], (s3) => build(s3, args.slice(start + 1), start + 1 + argOffset));
}

/** A CLI's arguments: the files it loads as local paths, s3:// in the rest to the local S3. */
export function rewriteCli(s3: S3Arguments, args: string[], at: number, resources: Set<string>): string[] {
  return args.map((arg, i) => (i > 0 && resources.has(args[i - 1]!) ? s3.resource(arg, at + i) : s3.data(arg, at + i)));
}
