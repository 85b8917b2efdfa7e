import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LogSink, type OpenLog, openLogFile } from "./log-sink.js";
import type { StepProcess } from "./step-process.js";

export interface StepOutcome {
  ok: boolean;
  /** CancelSteps reached the program while it ran (step-process.ts). */
  cancelled?: boolean;
  message: string;
  logFile: string;
}

/**
 * The files of one step's log directory, as EMR writes them: stdout, stderr and the step controller's log. A log
 * that cannot be written (a full disk) loses what did not fit and says so in the controller log where it still can;
 * it never fails the step nor throws: a step's outcome is its program's, whatever became of its logs.
 */
export class StepLogs {
  readonly stderrFile: string;
  private controllerLines = Promise.resolve();
  /** The first controller line that could not be written. */
  private controllerError: Error | undefined;

  constructor(
    private readonly dir: string,
    private readonly open: OpenLog = openLogFile,
  ) {
    this.stderrFile = join(dir, "stderr");
  }

  controller(line: string): Promise<void> {
    const text = `${new Date().toISOString()} INFO ${line}\n`;
    this.controllerLines = this.controllerLines.then(() =>
      appendFile(join(this.dir, "controller"), text).catch((error: Error) => {
        this.controllerError ??= error;
      }),
    );
    return this.controllerLines;
  }

  /** A step that could not start: the reason in its stderr and controller log. */
  async refused(message: string): Promise<StepOutcome> {
    await Promise.all([
      writeFile(this.stderrFile, `${message}\n`).catch(() => undefined),
      this.controller(`cannot run step: ${message}`),
    ]);
    return { ok: false, message, logFile: this.stderrFile };
  }

  /**
   * Copies the program's output into stdout and stderr until it has exited and its process group is gone; its
   * outcome is its own exit, whatever the rest of its group did.
   */
  async follow(proc: StepProcess, program: string): Promise<StepOutcome> {
    const stdout = new LogSink(join(this.dir, "stdout"), this.open);
    const stderr = new LogSink(this.stderrFile, this.open);
    stdout.follow(proc.child.stdout!);
    stderr.follow(proc.child.stderr!);
    let spawnError: string | undefined;
    proc.child.on("error", (error: NodeJS.ErrnoException) => {
      spawnError ??=
        error.code === "ENOENT"
          ? program === "java"
            ? "java is not installed on this machine, so a custom jar cannot run here"
            : `program not found: ${program}`
          : `cannot start ${program}: ${error.message}`;
      stderr.write(`${spawnError}\n`);
    });
    const { code, signal } = await proc.ended;
    await proc.outputClosed();
    const message = spawnError ?? (signal ? `Step was killed by ${signal}` : `Step failed with exitCode ${code}`);
    await Promise.all([stdout.finish(), stderr.finish()]);
    for (const note of [stdout.lossNote("stdout"), stderr.lossNote("stderr")]) if (note) void this.controller(note);
    await this.controller(spawnError ?? `exit code ${code ?? signal}`);
    return { ok: code === 0 && !spawnError, cancelled: proc.interrupted, message, logFile: this.stderrFile };
  }
}
