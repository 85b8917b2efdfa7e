import { type EmulatorHandle, startEmulator } from "@emrkit/emulator";
import { preflight, type RunResult, type RuntimeOptions, run, submit } from "@emrkit/runtime";
import { type EmrTarget, emrTarget, localTarget } from "../aws/emr-target.js";
import { explainRunError } from "../aws/explain-run-error.js";
import { reachEmr } from "../aws/reach-emr.js";
import { EXIT } from "../exit-codes.js";
import { onInterrupt, signalExitCode } from "../interrupts.js";
import type { Output } from "../output.js";
import { plural } from "../plural.js";
import { chooseProgress } from "../progress/choose-progress.js";
import type { Progress } from "../progress/progress.js";
import { StepBoard } from "../progress/step-board.js";
import { cancelledMessage, cancellingMessage, leavingMessage } from "./interrupt-messages.js";
import { loadUsable } from "./load-usable.js";
import { localCluster } from "./local-cluster.js";
import { checkSubmitOptions, type SubmitOptions, usage } from "./submit-options.js";
import { printResult, type RunContext, resultJson, submittedJson } from "./submit-result.js";

export type { SubmitOptions } from "./submit-options.js";

/**
 * `emrkit submit FILE (--cluster j-… | --local)`: preflight, submit (any number of steps: the runtime sends them in
 * chunks as the cluster has room), follow to the end, then a line per step and a summary; exit 1 if any step did
 * not complete. Ctrl-C or SIGTERM cancels the steps through the runtime's abort and exits 130/143 once they have
 * ended; a second exits at once, saying what may still run. `--no-wait` returns once every step is submitted.
 */
export async function submitCommand(file: string, options: SubmitOptions, out: Output): Promise<number> {
  const settings = checkSubmitOptions(options);
  const loaded = await loadUsable(file);
  const fileCluster = loaded.request?.JobFlowId;
  if (!options.local && options.cluster === undefined && fileCluster === undefined) {
    usage(`give --cluster j-… or --local: ${file} names no cluster`);
  }
  if (options.cluster !== undefined && fileCluster !== undefined && options.cluster !== fileCluster) {
    usage(`${file} is for cluster ${fileCluster}, but --cluster says ${options.cluster}`);
  }
  const started = performance.now();
  const board = new StepBoard(loaded.steps.length);
  const abort = new AbortController();
  let progress: Progress | undefined;
  let emulator: EmulatorHandle | undefined;
  let target: EmrTarget | undefined;
  let clusterId = options.local ? undefined : (options.cluster ?? fileCluster);
  const say = (line: string) => (progress ? progress.note(line) : out.error(line));
  const interrupts = onInterrupt(
    (signal) => {
      say(cancellingMessage(signal, board, options.local === true));
      abort.abort();
    },
    async () => {
      progress?.stop();
      const where = {
        clusterId,
        region: target?.region,
        ...(options.profile === undefined ? {} : { profile: options.profile }),
        ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      };
      for (const line of leavingMessage(board, where, options.local === true)) out.error(line);
      await emulator?.close();
    },
  );
  const context = (): RunContext => ({
    clusterId: clusterId ?? "",
    region: target?.region ?? "",
    local: options.local === true,
    total: loaded.steps.length,
    elapsedMs: performance.now() - started,
    ...(interrupts.received === undefined ? {} : { interrupted: interrupts.received }),
    logsRemoved: emulator?.temporaryData === true,
  });
  try {
    emulator = options.local ? await startEmulator(options.keep ? { keepData: true } : {}) : undefined;
    target = emulator ? localTarget(emulator.endpoint, options.region) : await emrTarget(options);
    if (emulator) clusterId = await localCluster(target.client, settings.stepConcurrencyLevel);
    else await reachEmr(target, clusterId!);
    progress = chooseProgress(board, { quiet: options.json === true });
    if (emulator && !options.json) {
      const kept = emulator.temporaryData ? "" : `, data kept in ${emulator.dataDir}`;
      progress.note(`local emulator ${emulator.endpoint}, cluster ${clusterId}, logs in ${emulator.logRoot}${kept}`);
    }
    const request = { ...loaded.request, JobFlowId: clusterId!, Steps: loaded.steps };
    const runOptions: RuntimeOptions = {
      client: target.client,
      signal: abort.signal,
      pollIntervalMs: settings.pollIntervalMs,
      maxPollIntervalMs: settings.maxPollIntervalMs,
      ...(loaded.after === undefined ? {} : { dependencies: loaded.after }),
      ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    };
    if (!options.wait) {
      const shown = progress;
      await preflight(request, runOptions);
      const handles = await submit(request, { ...runOptions, onEvent: (event) => shown.event(event) });
      progress.stop();
      if (options.json) out.log(submittedJson(handles, context()));
      else {
        out.error(`submitted ${plural(handles.length, "step")} to ${clusterId}; not waiting for them`);
        out.log(handles.map((h) => `${h.stepId}  ${h.name}`).join("\n"));
      }
      return EXIT.ok;
    }
    const job = run(request, runOptions);
    for await (const event of job) progress.event(event);
    const result: RunResult = await job.result;
    if (interrupts.received !== undefined) progress.note(cancelledMessage(board));
    progress.stop();
    if (options.json) out.log(resultJson(result, context()));
    else printResult(result, context(), out);
    if (interrupts.received !== undefined) return signalExitCode(interrupts.received);
    return result.ok ? EXIT.ok : EXIT.stepFailed;
  } catch (error) {
    progress?.stop();
    // Aborted while submitting without waiting: the runtime stopped, and asked EMR to cancel what it had sent.
    if (interrupts.received !== undefined && abort.signal.aborted && (error as Error)?.name === "AbortError") {
      out.error(`stopped with ${plural(board.steps.size, "step")} submitted, each asked to cancel`);
      return signalExitCode(interrupts.received);
    }
    throw explainRunError(error, target, loaded);
  } finally {
    // A signal that comes while it closes waits for the same close, then exits.
    await emulator?.close();
    interrupts.stop();
    if (emulator && !emulator.temporaryData) out.error(`local data kept in ${emulator.dataDir}`);
  }
}
