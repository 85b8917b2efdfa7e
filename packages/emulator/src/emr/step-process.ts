/**
 * A step's running program and its process group: how it is cancelled, stopped and cleaned up after. What EMR
 * documents ("Cancel steps", EMR Management Guide, EMR 5.32.0 and later): SEND_INTERRUPT sends SIGTERM to the
 * step's process; TERMINATE_PROCESS sends SIGKILL to it and all its descendants. Where the emulator goes further,
 * so that nothing of a step outlives it on this machine (guesses, EMR documents none of it):
 * - a step that ignores SEND_INTERRUPT's SIGTERM for the kill grace gets TERMINATE_PROCESS's SIGKILL;
 * - once the program has exited, whatever it left running in its group gets SIGTERM, then SIGKILL after the
 *   grace (EMR leaves such "asynchronous processes" be; here they would run on with nobody to stop them);
 * - cluster termination and the emulator closing end the whole group the same way (SIGTERM, SIGKILL after the
 *   grace), as an instance shutting down would.
 */
import type { ChildProcess } from "node:child_process";
import { endGroup, trackGroup } from "./process-group.js";

/** Once the group is gone, how long the output pipes get to drain before they are let go (a `setsid` escapee). */
const LET_GO_MS = 500;

export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class StepProcess {
  /** Resolves once the program has exited (or could not start) and nothing of its group runs any more. */
  readonly ended: Promise<ProgramExit>;
  private readonly pgid: number | undefined;
  /** "close": the program has exited and its stdout and stderr have ended. */
  private readonly closed: Promise<void>;
  private ending: Promise<void> | undefined;
  private gone = false;
  /** Whether a CancelSteps reached the program while it ran: it then ends CANCELLED, whatever its exit code. */
  interrupted = false;

  constructor(
    readonly child: ChildProcess,
    private readonly graceMs: number,
  ) {
    this.pgid = child.pid;
    this.closed = new Promise((resolve) => child.once("close", () => resolve()));
    const untrack = this.pgid === undefined ? () => false : trackGroup(this.pgid);
    const exited = new Promise<ProgramExit>((resolve) => {
      child.once("exit", (code, signal) => resolve({ code, signal }));
      // A program that could not start has no pid and never exits; "error" is all it says.
      child.once("error", () => {
        if (child.pid === undefined) resolve({ code: null, signal: null });
      });
    });
    this.ended = exited.then(async (exit) => {
      await this.end("SIGTERM");
      this.gone = true;
      untrack();
      return exit;
    });
  }

  /** CancelSteps on the running step, by its StepCancellationOption (SEND_INTERRUPT when none is given). */
  cancel(option: string): void {
    if (this.gone) return;
    if (this.child.exitCode === null && this.child.signalCode === null) this.interrupted = true;
    if (option === "TERMINATE_PROCESS") {
      void this.end("SIGKILL");
      return;
    }
    this.child.kill("SIGTERM");
    const force = setTimeout(() => void this.end("SIGKILL"), this.graceMs);
    force.unref();
    void this.ended.then(() => clearTimeout(force));
  }

  /** Ends the whole group (SIGTERM, SIGKILL after the grace); resolves once nothing of it runs. */
  async stop(): Promise<void> {
    if (!this.gone) void this.end("SIGTERM");
    await this.ended;
  }

  /** Resolves once the program's stdout and stderr are closed, letting go of them if something outside holds them. */
  async outputClosed(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), LET_GO_MS);
    });
    const outcome = await Promise.race([this.closed, late]);
    clearTimeout(timer);
    if (outcome === "late") {
      this.child.stdout?.destroy();
      this.child.stderr?.destroy();
    }
  }

  /** One ending at a time; SIGKILL asked for while a SIGTERM's grace runs goes out at once. */
  private end(first: "SIGTERM" | "SIGKILL"): Promise<void> {
    const pgid = this.pgid;
    if (pgid === undefined) return Promise.resolve();
    if (this.ending && first === "SIGKILL") void endGroup(pgid, "SIGKILL", 0);
    // The program itself too, should it be out of its group's reach: a group that seems gone must not leave it.
    this.ending ??= endGroup(pgid, first, this.graceMs).then(() => {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    });
    return this.ending;
  }
}
