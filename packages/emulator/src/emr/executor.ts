import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { appendFile, chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { s3ToLocal } from "../s3/local-path.js";
import type { StepRecord } from "./records.js";

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
  /** Stops the step: kills its process, or keeps it from starting if it has not started yet. */
  kill(signal: NodeJS.Signals): void;
  /**
   * Kills the step for good and resolves once its process has exited and its logs are written, so that nothing of
   * it writes under the data directory any more (the emulator closing).
   */
  stop(): Promise<void>;
  done: Promise<StepOutcome>;
}

export function runStep(step: StepRecord, dirs: { s3Root: string; logRoot: string }): RunningStep {
  let child: ChildProcess | undefined;
  let killedWith: NodeJS.Signals | undefined;
  // The log directory is made off the event loop, so a burst of steps does not hold up requests.
  const logDir = join(dirs.logRoot, step.clusterId, "steps", step.id);
  const done = mkdir(logDir, { recursive: true }).then(async () => {
    const logs = new StepLogs(logDir);
    let argv: string[];
    try {
      argv = await commandFor(step, dirs.s3Root);
    } catch (error) {
      return logs.refused((error as Error).message);
    }
    if (killedWith) return logs.refused(`Step was killed by ${killedWith} before it started`);
    logs.controller(`startExec '${argv.join(" ")}'`);
    child = spawn(argv[0]!, argv.slice(1), {
      shell: false,
      env: { ...process.env, EMRKIT_S3_ROOT: dirs.s3Root },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return logs.follow(child, argv[0]!);
  });
  const kill = (signal: NodeJS.Signals) => {
    killedWith = signal;
    child?.kill(signal);
  };
  return {
    kill,
    stop: () => {
      kill("SIGKILL");
      // A process the step left behind may hold its output open, and "close" waits for that: let go of it.
      child?.stdout?.destroy();
      child?.stderr?.destroy();
      return done.then(
        () => undefined,
        () => undefined,
      );
    },
    done,
  };
}

/** The files of one step's log directory, as EMR writes them: stdout, stderr and the step controller's log. */
class StepLogs {
  readonly stderrFile: string;
  private controllerLines = Promise.resolve();

  constructor(private readonly dir: string) {
    this.stderrFile = join(dir, "stderr");
  }

  controller(line: string): Promise<void> {
    const text = `${new Date().toISOString()} INFO ${line}\n`;
    this.controllerLines = this.controllerLines.then(() => appendFile(join(this.dir, "controller"), text));
    return this.controllerLines;
  }

  /** A step that could not start: the reason in its stderr and controller log. */
  async refused(message: string): Promise<StepOutcome> {
    await Promise.all([writeFile(this.stderrFile, `${message}\n`), this.controller(`cannot run step: ${message}`)]);
    return { ok: false, message, logFile: this.stderrFile };
  }

  follow(child: ChildProcess, program: string): Promise<StepOutcome> {
    const stdout = createWriteStream(join(this.dir, "stdout"));
    const stderr = createWriteStream(this.stderrFile);
    child.stdout!.pipe(stdout);
    child.stderr!.pipe(stderr);
    return new Promise<StepOutcome>((resolveOutcome) => {
      let spawnError: string | undefined;
      child.on("error", (error: NodeJS.ErrnoException) => {
        spawnError =
          error.code === "ENOENT"
            ? program === "java"
              ? "java is not installed on this machine, so a custom jar cannot run here"
              : `program not found: ${program}`
            : `cannot start ${program}: ${error.message}`;
        stderr.write(`${spawnError}\n`);
      });
      child.on("close", (code, signal) => {
        const message = spawnError ?? (signal ? `Step was killed by ${signal}` : `Step failed with exitCode ${code}`);
        const ended = this.controller(spawnError ?? `exit code ${code ?? signal}`);
        stdout.end();
        stderr.end(() => {
          void ended.then(() => resolveOutcome({ ok: code === 0 && !spawnError, message, logFile: this.stderrFile }));
        });
      });
    });
  }
}

async function commandFor(step: StepRecord, s3Root: string): Promise<string[]> {
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
    await chmod(path, 0o755);
    return [path, ...rest];
  }
  const jar = step.jar.startsWith("s3") ? s3ToLocal(s3Root, step.jar) : step.jar;
  const defines = step.properties.map((p) => `-D${p.Key ?? ""}=${p.Value ?? ""}`);
  return step.mainClass
    ? ["java", ...defines, "-cp", jar, step.mainClass, ...step.args]
    : ["java", ...defines, "-jar", jar, ...step.args];
}
