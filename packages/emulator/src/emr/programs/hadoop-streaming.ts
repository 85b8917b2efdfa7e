/**
 * `hadoop-streaming …` (command-runner.jar's first argument, or Hadoop's hadoop-streaming.jar as the step's jar;
 * EMR's streaming steps, "Submit a Streaming Step", EMR Release Guide:
 * `Type=STREAMING,…,Args=[--files,pathtoscripts,-mapper,mapperscript,-reducer,reducerscript,…,-input,…,-output,…]`),
 * run with this machine's Hadoop: MapReduce in local mode and S3A's settings as generic `-D` options, which must
 * come before streaming's own; -files (or --files, as the docs write it: Hadoop's option parser takes both),
 * -archives and -libjars as local paths; -input and -output and the rest to the local S3 (s3-arguments.ts).
 */
import { rewriteCli } from "./hive-script.js";
import { localJobSettings, mappedTool } from "./mapped-tool.js";
import type { Program, ProgramContext } from "./program.js";

const RESOURCES = new Set(
  ["files", "archives", "libjars", "file", "cacheFile", "cacheArchive"].flatMap((o) => [`-${o}`, `--${o}`]),
);

export function hadoopStreaming(context: ProgramContext, args: string[], argOffset: number): Promise<Program> {
  return mappedTool(context, "hadoop-streaming", ["hadoop-streaming", ...args], (s3) => ({
    args: [...localJobSettings(s3, "-D"), ...rewriteCli(s3, args, argOffset, RESOURCES)],
    changes: ["-D mapreduce.framework.name=local added: the streaming job runs on this machine, not on YARN"],
  }));
}
