/**
 * A step for one of the tools EMR clusters have (spark-submit, hive-script, pig-script, hadoop-streaming), run with
 * that tool of this machine the way a single-node EMR would run it: its arguments rewritten for local mode and the
 * local S3 (each tool's file says how), the original and rewritten argument vectors written to the step's
 * controller log. A tool this machine does not have fails the step, saying so and how to provide it (tools.ts).
 */
import type { Program, ProgramContext } from "./program.js";
import { ProgramError } from "./program.js";
import { S3Arguments } from "./s3-arguments.js";
import type { MappedTool } from "./tools.js";

export interface Rewritten {
  args: string[];
  /** Why the arguments changed, one line each. */
  changes: string[];
}

/** MapReduce in local mode and S3A's settings, each as `<flag> name=value` (`--hiveconf`, `-D`). */
export function localJobSettings(s3: S3Arguments, flag: string): string[] {
  const settings: [string, string][] = [["mapreduce.framework.name", "local"], ...s3.s3aSettings()];
  return settings.flatMap(([k, v]) => [flag, `${k}=${v}`]);
}

export async function mappedTool(
  context: ProgramContext,
  tool: MappedTool,
  original: string[],
  rewrite: (s3: S3Arguments) => Rewritten,
): Promise<Program> {
  const found = await context.tools.find(tool);
  if (!found) throw new ProgramError(context.tools.missing(tool));
  const s3 = new S3Arguments(context);
  const { args, changes } = rewrite(s3);
  const argv = [...found.argv, ...args];
  const shown = s3.masked(argv);
  return {
    argv,
    shown,
    hostEnv: context.tools.hostEnv,
    notes: [
      `${tool} runs as ${found.argv.join(" ")} (found by ${found.via}), the way a single-node cluster would run it`,
      ...changes,
      s3.how,
      `original argv: ${JSON.stringify(original)}`,
      `rewritten argv: ${JSON.stringify(shown)}`,
    ],
  };
}
