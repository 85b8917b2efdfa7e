import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StepRecord } from "./records.js";
import { s3ToLocal } from "./s3-path.js";

/**
 * Runs a step on this machine the way EMR would on the primary node, with argument vectors and never a shell:
 * `command-runner.jar` runs its first argument with the rest (dropping empty strings, as EMR does);
 * `script-runner.jar` runs the script its first argument names; any other jar runs with `java`, `-D` for each
 * property. Jar and script locations in S3 resolve under the local S3 root. Logs go where EMR puts them:
 * `<logRoot>/<cluster>/steps/<step>/{stdout,stderr,controller}`.
 */
export interface StepOutcome {
  ok: boolean;
  message: string;
  logFile: string;
}

export interface RunningStep {
  child?: ChildProcess;
  done: Promise<StepOutcome>;
}

export function runStep(step: StepRecord, dirs: { s3Root: string; logRoot: string }): RunningStep {
  const logDir = join(dirs.logRoot, step.clusterId, "steps", step.id);
  mkdirSync(logDir, { recursive: true });
  const stderrFile = join(logDir, "stderr");
  const controller = (line: string) => writeFileSync(join(logDir, "controller"), `${line}\n`, { flag: "a" });
  let argv: string[];
  try {
    argv = commandFor(step, dirs.s3Root);
  } catch (error) {
    writeFileSync(stderrFile, `${(error as Error).message}\n`);
    controller(`cannot run step: ${(error as Error).message}`);
    return { done: Promise.resolve({ ok: false, message: (error as Error).message, logFile: stderrFile }) };
  }
  controller(`${new Date().toISOString()} INFO startExec '${argv.join(" ")}'`);
  const stdout = createWriteStream(join(logDir, "stdout"));
  const stderr = createWriteStream(stderrFile);
  const child = spawn(argv[0]!, argv.slice(1), {
    shell: false,
    env: { ...process.env, EMRKIT_S3_ROOT: dirs.s3Root },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(stdout);
  child.stderr.pipe(stderr);
  const done = new Promise<StepOutcome>((resolveOutcome) => {
    let spawnError: string | undefined;
    child.on("error", (error: NodeJS.ErrnoException) => {
      spawnError =
        error.code === "ENOENT"
          ? argv[0] === "java"
            ? "java is not installed on this machine, so a custom jar cannot run here"
            : `program not found: ${argv[0]}`
          : `cannot start ${argv[0]}: ${error.message}`;
      stderr.write(`${spawnError}\n`);
    });
    child.on("close", (code, signal) => {
      const message = spawnError ?? (signal ? `Step was killed by ${signal}` : `Step failed with exitCode ${code}`);
      controller(`${new Date().toISOString()} INFO ${spawnError ?? `exit code ${code ?? signal}`}`);
      stdout.end();
      stderr.end(() => resolveOutcome({ ok: code === 0 && !spawnError, message, logFile: stderrFile }));
    });
  });
  return { child, done };
}

function commandFor(step: StepRecord, s3Root: string): string[] {
  const jarName = step.jar.split("/").pop() ?? step.jar;
  if (jarName === "command-runner.jar") {
    const argv = step.args.filter((a) => a !== "");
    if (argv.length === 0) throw new Error("command-runner.jar needs a program to run as its first argument");
    return argv;
  }
  if (jarName === "script-runner.jar") {
    const [script, ...rest] = step.args;
    if (!script) throw new Error("script-runner.jar needs a script location as its first argument");
    const path = script.startsWith("s3") ? s3ToLocal(s3Root, script) : script;
    chmodSync(path, 0o755);
    return [path, ...rest];
  }
  const jar = step.jar.startsWith("s3") ? s3ToLocal(s3Root, step.jar) : step.jar;
  const defines = step.properties.map((p) => `-D${p.Key ?? ""}=${p.Value ?? ""}`);
  return step.mainClass
    ? ["java", ...defines, "-cp", jar, step.mainClass, ...step.args]
    : ["java", ...defines, "-jar", jar, ...step.args];
}
