import { chmod, copyFile, mkdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { s3ToLocal } from "../s3/local-path.js";
import type { StepRecord } from "./records.js";

/** Where a step runs and keeps its temporary files. */
export interface StepDirs {
  workDir: string;
  tmpDir: string;
}

/**
 * The argument vector a step runs, never a shell line: `command-runner.jar` runs its first argument with the rest
 * (dropping empty strings, as EMR does); `script-runner.jar` runs a copy of its script; any other jar runs with
 * `java`, `-D` for each property. S3 locations resolve under the local S3 root; local paths against the emulator's
 * own working directory, as before steps had one of their own. The step's directories are made once it is known
 * to be able to run, so that a step refused leaves only its logs.
 */
export async function commandFor(step: StepRecord, s3Root: string, dirs: StepDirs): Promise<string[]> {
  const jarName = step.jar.split("/").pop() ?? step.jar;
  if (jarName === "command-runner.jar") {
    const argv = step.args.filter((a) => a !== "");
    if (argv.length === 0) throw new Error("command-runner.jar needs a program to run as its first argument");
    await makeDirs(dirs);
    return argv;
  }
  if (jarName === "script-runner.jar") {
    const [script, ...rest] = step.args;
    if (!script) throw new Error("script-runner.jar needs a script location as its first argument");
    const path = script.startsWith("s3") ? s3ToLocal(s3Root, script) : resolve(script);
    const found = await stat(path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) throw new Error(`script-runner.jar: no script at ${script} (${path})`);
    await makeDirs(dirs);
    return [await scriptCopy(path, dirs), ...rest];
  }
  const jar = step.jar.startsWith("s3") ? s3ToLocal(s3Root, step.jar) : resolve(step.jar);
  await makeDirs(dirs);
  // The JVM ignores TMPDIR; the step's properties come after, so a java.io.tmpdir of its own wins.
  const defines = [
    `-Djava.io.tmpdir=${dirs.tmpDir}`,
    ...step.properties.map((p) => `-D${p.Key ?? ""}=${p.Value ?? ""}`),
  ];
  return step.mainClass
    ? ["java", ...defines, "-cp", jar, step.mainClass, ...step.args]
    : ["java", ...defines, "-jar", jar, ...step.args];
}

/** Made off the event loop, side by side, so a burst of steps does not hold up requests. */
async function makeDirs(dirs: StepDirs): Promise<void> {
  await Promise.all([mkdir(dirs.workDir, { recursive: true }), mkdir(dirs.tmpDir, { recursive: true })]);
}

/**
 * The script copied into the step's directory and made executable there, as EMR's script-runner downloads it into
 * the step's directory (`Downloading 's3://…' to '/mnt/var/lib/hadoop/steps/s-…/.'` in its stdout: seen in step
 * logs, not documented). The file named is only read: its mode stays what its owner made it.
 */
async function scriptCopy(path: string, dirs: StepDirs): Promise<string> {
  const copy = join(dirs.workDir, basename(path));
  await copyFile(path, copy);
  await chmod(copy, 0o755);
  return copy;
}
