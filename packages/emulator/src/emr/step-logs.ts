import { createWriteStream, type WriteStream } from "node:fs";
import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StepProcess } from "./step-process.js";

export interface StepOutcome {
  ok: boolean;
  message: string;
  logFile: string;
}

/** The files of one step's log directory, as EMR writes them: stdout, stderr and the step controller's log. */
export class StepLogs {
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

  /**
   * Copies the program's output into stdout and stderr until it has exited and its process group is gone; its
   * outcome is its own exit, whatever the rest of its group did.
   */
  async follow(proc: StepProcess, program: string): Promise<StepOutcome> {
    const stdout = createWriteStream(join(this.dir, "stdout"));
    const stderr = createWriteStream(this.stderrFile);
    proc.child.stdout!.pipe(stdout);
    proc.child.stderr!.pipe(stderr);
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
    await Promise.all([this.controller(spawnError ?? `exit code ${code ?? signal}`), finish(stdout), finish(stderr)]);
    return { ok: code === 0 && !spawnError, message, logFile: this.stderrFile };
  }
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(() => resolve()));
}
