/**
 * S3DistCp itself, run in the step's own process (main.ts): lists, plans, copies, deletes the sources on success
 * with --deleteOnSuccess, and writes its log and counters to stderr as Hadoop's client does. Exit code 0 once every
 * file is written, 1 otherwise ("If S3DistCp is unable to copy some or all of the specified files, the cluster step
 * fails and returns a non-zero error code. If this occurs, S3DistCp does not clean up partially copied files."
 * EMR Release Guide, S3DistCp). Counter names are this emulator's: EMR's come from its MapReduce job.
 */
import { rm } from "node:fs/promises";
import { localLocation, locationOf, type Roots } from "../locations.js";
import { checkCodec, copyOutput } from "./copy-output.js";
import { parseDistCpOptions, type Suggest } from "./options.js";
import { listSources, planOutputs } from "./plan.js";

export interface DistCpPlan {
  options: ReturnType<typeof parseDistCpOptions>;
  outputs: ReturnType<typeof planOutputs>;
}

/** Parses and plans, as a step is resolved and again in its process; throws an Error saying what is wrong. */
export async function planDistCp(
  args: readonly string[],
  roots: Roots,
  argOffset = 0,
  suggest?: Suggest,
): Promise<DistCpPlan> {
  const options = parseDistCpOptions(args, argOffset, suggest);
  const located = (name: string, location: string) => {
    try {
      return localLocation(roots, location).path;
    } catch (error) {
      throw new Error(`${name} ${(error as Error).message}`);
    }
  };
  for (const [name, location] of [
    ["--src", options.src],
    ["--dest", options.dest],
  ] as const) {
    // "S3DistCp does not support Amazon S3 bucket names that contain the underscore character." (Release Guide)
    if (/^s3[an]?:\/\/[^/]*_/.test(location)) {
      throw new Error(`${name} ${location}: S3DistCp does not support bucket names with an underscore`);
    }
  }
  const srcPath = located("--src", options.src);
  const destPath = located("--dest", options.dest);
  const outputs = planOutputs(options, srcPath, destPath, await listSources(options, srcPath));
  if (outputs.length === 0) {
    const filters = [options.srcPattern && "--srcPattern", options.groupBy && "--groupBy"]
      .filter(Boolean)
      .join(" and ");
    throw new Error(`no files to copy: nothing under --src ${options.src}${filters ? ` matches ${filters}` : ""}`);
  }
  for (const output of outputs) checkCodec(output, options.outputCodec);
  return { options, outputs };
}

export async function runDistCp(args: readonly string[], roots: Roots, log: (line: string) => void): Promise<number> {
  const info = (line: string) => log(`${new Date().toISOString()} INFO S3DistCp: ${line}`);
  try {
    info(`Running with args: ${args.join(" ")}`);
    const { options, outputs } = await planDistCp(args, roots);
    for (const ignored of options.ignored) info(`${ignored} has no effect on this machine; ignored`);
    let read = 0;
    let written = 0;
    let files = 0;
    for (const output of outputs) {
      for (const file of output.files) info(`Processing object: ${file.uri}`);
      written += await copyOutput(output, options.outputCodec);
      read += output.files.reduce((sum, f) => sum + f.size, 0);
      files += output.files.length;
      info(`Wrote ${locationOf(roots, output.path)} from ${output.files.length} file(s)`);
    }
    let deleted = 0;
    if (options.deleteOnSuccess) {
      for (const output of outputs) {
        for (const file of output.files) {
          await rm(file.path);
          deleted++;
        }
      }
    }
    log("Counters: 5");
    log("\tS3DistCp Counters");
    log(`\t\tFiles copied=${files}`);
    log(`\t\tBytes read=${read}`);
    log(`\t\tFiles written=${outputs.length}`);
    log(`\t\tBytes written=${written}`);
    log(`\t\tFiles deleted=${deleted}`);
    info(`Copied ${files} file(s), ${read} bytes, into ${outputs.length} file(s) at ${options.dest}`);
    return 0;
  } catch (error) {
    // Node's I/O errors name the file in quotes ("ENOTDIR: not a directory, mkdir '/…/s3/out/x'"): named as the
    // step named it (s3://out/x).
    const message = (error as Error).message.replace(
      /'(\/[^']*)'/g,
      (_, path: string) => `'${locationOf(roots, path)}'`,
    );
    log(`${new Date().toISOString()} ERROR S3DistCp: ${message}`);
    return 1;
  }
}
