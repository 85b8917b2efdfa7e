/**
 * `script-runner.jar`: runs a copy of its script, made in the step's directory and made executable there, as EMR's
 * script-runner downloads it into the step's directory (`Downloading 's3://…' to '/mnt/var/lib/hadoop/steps/s-…/.'`
 * in its stdout: seen in step logs, not documented). The file named is only read: its mode stays what its owner
 * made it. S3 locations resolve under the local S3 root; local paths against the emulator's own working directory,
 * as before steps had one of their own.
 */
import { chmod, copyFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { s3ToLocal } from "../../s3/local-path.js";
import { makeDirs } from "./make-dirs.js";
import { type Program, type ProgramContext, ProgramError } from "./program.js";

export async function scriptRunner(context: ProgramContext, args: string[]): Promise<Program> {
  const [script, ...rest] = args;
  if (!script) throw new ProgramError("script-runner.jar needs a script location as its first argument");
  const path = script.startsWith("s3") ? s3ToLocal(context.s3Root, script) : resolve(script);
  const found = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!found) throw new ProgramError(`script-runner.jar: no script at ${script} (${path})`);
  await makeDirs(context.dirs);
  const copy = join(context.dirs.workDir, basename(path));
  await copyFile(path, copy);
  await chmod(copy, 0o755);
  return { argv: [copy, ...rest] };
}
