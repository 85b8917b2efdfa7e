import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { GroupFiles } from "./group-files.js";
import { causeOf } from "./programs/failure-cause.js";
import { hdfsRootOf } from "./programs/locations.js";
import type { StepDirs } from "./programs/program.js";
import { programFor } from "./programs/resolve-program.js";
import type { Tools } from "./programs/tools.js";
import type { StepRecord } from "./records.js";
import { StepLogs, type StepOutcome } from "./step-logs.js";
import { StepProcess } from "./step-process.js";

/**
 * Runs a step on this machine the way EMR would on the primary node, with an argument vector and never a shell
 * (programs/resolve-program.ts), and without touching the host: an environment written out in full (step-environment.ts), a
 * working directory of its own, `<workRoot>/<step>` (EMR's is `/mnt/var/lib/hadoop/steps/<step>`: seen in step
 * logs, not documented), a TMPDIR of its own, `<tmpRoot>/<step>`, and a process group of its own, ended as a whole
 * (step-process.ts). Logs go where EMR puts them: `<logRoot>/<cluster>/steps/<step>/{stdout,stderr,controller}`.
 */
export type { StepOutcome };

/** What every step of one emulator shares: where things go, its environment, how long a kill waits. */
export interface StepHost {
  s3Root: string;
  logRoot: string;
  /** Made when the emulator starts; each step's working directory is made in it. */
  workRoot: string;
  tmpRoot: string;
  /** Each cluster's HDFS is a folder in it (programs/locations.ts). */
  hdfsRoot: string;
  /** The tools of this machine that EMR's steps name (spark-submit…), found as the emulator started. */
  tools: Tools;
  /** The step's environment; `region` is its cluster's. */
  environmentFor(step: StepRecord, tmpDir: string, region?: string): Record<string, string>;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Where each running step's process group is written down, for the next emulator after a `kill -9`. */
  groups: GroupFiles;
}

export interface RunningStep {
  /** CancelSteps on the running step, by its StepCancellationOption; or keeps it from starting if it has not. */
  cancel(option: string): void;
  /**
   * Ends the step's whole process group (SIGTERM, then SIGKILL after the grace), or keeps it from starting, and
   * resolves once nothing of it runs and its logs are written, so that nothing of it writes under the data
   * directory any more (the cluster terminating, the emulator closing).
   */
  stop(): Promise<void>;
  done: Promise<StepOutcome>;
}

export function runStep(step: StepRecord, host: StepHost, region?: string): RunningStep {
  let proc: StepProcess | undefined;
  let stoppedBy: string | undefined;
  const logDir = join(host.logRoot, step.clusterId, "steps", step.id);
  const dirs: StepDirs = { workDir: join(host.workRoot, step.id), tmpDir: join(host.tmpRoot, step.id) };
  // Made off the event loop, so a burst of steps does not hold up requests; the log directory side by side with
  // finding the program and making the step's own directories (programs/), so they cost one wait.
  const env = host.environmentFor(step, dirs.tmpDir, region);
  const hdfsRoot = hdfsRootOf(host.hdfsRoot, step.clusterId);
  const command = programFor({ step, s3Root: host.s3Root, hdfsRoot, dirs, env, tools: host.tools }).then(
    (program) => ({ program }),
    (error: Error) => ({ refused: error.message }),
  );
  const done = Promise.all([mkdir(logDir, { recursive: true }), command]).then(async ([, found]) => {
    const logs = new StepLogs(logDir);
    if (!("program" in found)) return logs.refused(found.refused);
    const { argv, notes = [], shown = argv } = found.program;
    if (stoppedBy) return logs.refused(`Step was ${stoppedBy} before it started`);
    for (const note of notes) logs.controller(note);
    logs.controller(`startExec '${shown.join(" ")}'`);
    const child = spawn(argv[0]!, argv.slice(1), {
      shell: false,
      cwd: dirs.workDir,
      env: { ...found.program.hostEnv, ...env, ...found.program.env },
      // Its own session and process group, so that all it starts is ended with it (process-group.ts).
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    proc = new StepProcess(child, host.killGraceMs);
    const pgid = child.pid;
    // Written before anything else runs (a kill before it lands: left-groups.ts finds the step by its environment).
    let recorded = false;
    if (pgid !== undefined) {
      try {
        host.groups.record(step.id, pgid);
        recorded = true;
      } catch (error) {
        void logs.controller(`cannot write down the step's process group ${pgid}: ${(error as Error).message}`);
      }
    }
    const outcome = await logs.follow(proc, argv[0]!);
    const cause = outcome.ok || outcome.cancelled ? undefined : await causeOf(found.program, logs.stderrFile);
    if (cause) outcome.message = cause;
    // The group is gone by now (follow waits for it): nothing is left for a next emulator to end.
    if (recorded) {
      try {
        host.groups.forget(step.id);
      } catch {
        // A file left behind names a group that is gone: the next start checks and removes it.
      }
    }
    return outcome;
  });
  const settled = () =>
    done.then(
      () => undefined,
      () => undefined,
    );
  return {
    cancel: (option) => {
      if (proc) proc.cancel(option);
      else stoppedBy ??= "cancelled";
    },
    stop: async () => {
      if (proc) await proc.stop();
      else stoppedBy ??= "stopped";
      await settled();
    },
    done,
  };
}
