import type { StepConfig } from "@aws-sdk/client-emr";
import { MAX_ACTIVE_STEPS, MAX_STEPS_PER_REQUEST } from "@emrkit/dsl";
import type { RunEvent, RunResult, StepHandle, StepResult } from "../types.js";
import { addStepsOnce } from "./add-steps-once.js";
import { cancelSteps } from "./cancel-steps.js";
import { type ClusterInfo, countActiveSteps, isActiveStepLimit } from "./cluster-info.js";
import { dependencyOrder, waitingFor } from "./dependency-order.js";
import type { EmrCalls } from "./emr-calls.js";
import { explainFailure } from "./explain-failure.js";
import type { ResolvedOptions } from "./options.js";
import { pollSteps } from "./poll-steps.js";
import { resumeKeyed } from "./resume.js";
import { nextPollInterval } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { makeHandle } from "./step-handle.js";
import { StepTracker } from "./step-tracker.js";
import { type Submission, tokenOf, withToken } from "./submission.js";

/**
 * The one loop behind submit, follow and run: submit what may go (room under the 256 active steps, dependencies
 * completed), sleep, poll, emit the changes, until the goal is reached — everything
 * submitted (`submit`) or every step in a terminal state (`run`, `follow`). Abort stops submitting and cancels
 * what has not finished: SEND_INTERRUPT at once, TERMINATE_PROCESS for what is left after the grace period.
 * Dependencies mean one thing at every concurrency level: a step is sent only once the steps it comes after have
 * COMPLETED, and never when one of them ends otherwise (at level 1 EMR would run it after a FAILED one).
 */
export interface EngineJob {
  cluster: ClusterInfo;
  steps: readonly StepConfig[];
  executionRoleArn: string | undefined;
  /** Whose steps are ours: the token every step is sent with (see submission.ts). */
  submission: Submission;
  follow: readonly StepHandle[];
  goal: "submitted" | "finished";
}

export interface EngineOutcome {
  tracker: StepTracker;
  notSubmitted: { name: string; reason: string }[];
}

export async function runEngine(
  job: EngineJob,
  calls: EmrCalls,
  options: ResolvedOptions,
  emit: (event: RunEvent) => void,
): Promise<EngineOutcome> {
  const { cluster } = job;
  const concurrent = cluster.stepConcurrencyLevel > 1;
  const after = options.dependencies;
  const requestNames = new Set(job.steps.map((step) => step.Name ?? ""));
  const ordered = dependencyOrder(job.steps, after); // also refuses a cycle, on any cluster
  let pending = concurrent ? [...job.steps] : ordered;
  const indexOf = new Map(job.steps.map((step, index) => [step, index]));
  const tracker = new StepTracker();
  tracker.add(job.follow);
  const { submission } = job;
  if (submission.key !== undefined && job.steps.length > 0) {
    const resumed = await resumeKeyed(calls, cluster, { ...submission, key: submission.key }, job.steps);
    if (resumed.handles.length > 0) {
      tracker.add(resumed.handles);
      emit({ type: "resumed", key: submission.key, steps: resumed.handles });
      pending = pending.filter((step) => !resumed.indexes.has(indexOf.get(step)!));
    }
  }
  const notSubmitted: EngineOutcome["notSubmitted"] = [];
  const announcedHeld = new Set<StepConfig>();
  const announcedFull = new Set<StepConfig>();
  const unanswered = new Set<StepConfig>(); // sent, then given up at the abort without an answer or a sighting
  const dropped = new Map<string, string>(); // name → why its dependents can never run
  let watermark = cluster.newestStepId;
  let interval = options.pollIntervalMs;
  let cancelledAt: number | undefined;
  let terminated = false;
  const signal = options.signal;

  const submitReady = async (): Promise<void> => {
    while (pending.length > 0 && !signal?.aborted) {
      const room = MAX_ACTIVE_STEPS - cluster.activeSteps - tracker.unfinished().length;
      if (room <= 0) return;
      const ready: StepConfig[] = [];
      for (const step of [...pending]) {
        const name = step.Name ?? "";
        const deps = after[name] ?? [];
        const broken = tracker.brokenBy(deps) ?? deps.map((dep) => dropped.get(dep)).find((why) => why !== undefined);
        if (broken !== undefined) {
          dropped.set(name, `${name} was not submitted`);
          notSubmitted.push({ name, reason: `held back: ${broken}` });
          pending = pending.filter((other) => other !== step);
          continue;
        }
        const waiting = waitingFor(name, after, requestNames, (dep) => tracker.completed(dep));
        if (waiting.length === 0) ready.push(step);
        else if (!announcedHeld.has(step)) {
          announcedHeld.add(step);
          emit({ type: "held", step: name, waitingFor: waiting, because: "dependencies" });
        }
      }
      if (ready.length === 0) return;
      const batch = ready.slice(0, Math.min(MAX_STEPS_PER_REQUEST, room));
      const indexes = batch.map((step) => indexOf.get(step)!);
      const chunk = { steps: batch.map((step, i) => withToken(step, tokenOf(submission, indexes[i]!))), indexes };
      let ids: string[];
      try {
        ids = await addStepsOnce(calls, cluster.clusterId, chunk, {
          submission,
          watermark,
          executionRoleArn: job.executionRoleArn,
          readBackWindowMs: options.readBackWindowMs,
          signal,
        });
      } catch (error) {
        // Given up because of the abort and not found by reading back: the batch stays pending, so not submitted,
        // but its outcome is unknown (no answer, and not seen on the cluster), not "before submission".
        if (signal?.aborted) {
          for (const step of batch) unanswered.add(step);
          return;
        }
        // Others' steps filled the cluster since we counted: wait for room, as for our own (EMR refuses, not queues).
        if (isActiveStepLimit(error)) {
          const ours = tracker.unfinished().length;
          cluster.activeSteps = Math.max(0, (await countActiveSteps(calls, cluster.clusterId)) - ours);
          for (const step of batch.filter((step) => !announcedFull.has(step))) {
            announcedFull.add(step);
            emit({ type: "held", step: step.Name ?? "", waitingFor: [], because: "active-steps" });
          }
          return;
        }
        throw error;
      }
      watermark = ids.at(-1) ?? watermark;
      const handles = batch.map((step, i) =>
        makeHandle(
          cluster,
          ids[i] ?? "",
          step.Name ?? "",
          step.StepMonitoringConfiguration?.S3MonitoringConfiguration?.LogUri,
        ),
      );
      tracker.add(handles);
      emit({ type: "submitted", steps: handles });
      const sent = new Set(batch);
      pending = pending.filter((step) => !sent.has(step));
    }
  };

  const cancelUnfinished = async (option: "SEND_INTERRUPT" | "TERMINATE_PROCESS"): Promise<void> => {
    const ids = tracker.unfinished().map((step) => step.handle.stepId);
    if (ids.length > 0) await cancelSteps(calls, cluster.clusterId, ids, option, emit);
  };

  for (;;) {
    if (signal?.aborted && cancelledAt === undefined) {
      cancelledAt = Date.now();
      for (const step of pending) {
        const reason = unanswered.has(step)
          ? "aborted while its AddJobFlowSteps had no answer, and not seen on the cluster when reading back"
          : "aborted before submission";
        notSubmitted.push({ name: step.Name ?? "", reason });
      }
      pending = [];
      await cancelUnfinished("SEND_INTERRUPT");
      interval = options.pollIntervalMs;
    }
    if (cancelledAt !== undefined && !terminated && Date.now() - cancelledAt >= options.cancelGraceMs) {
      terminated = true;
      await cancelUnfinished("TERMINATE_PROCESS");
    }
    if (cancelledAt === undefined) await submitReady();
    if (job.goal === "submitted" && (pending.length === 0 || cancelledAt !== undefined)) break;
    const unfinished = tracker.unfinished();
    if (unfinished.length === 0) {
      if (pending.length === 0) break;
      // Nothing of ours is running, yet nothing may go: others' steps fill the cluster. Count them again.
      cluster.activeSteps = await countActiveSteps(calls, cluster.clusterId);
    }
    const untilTerminate =
      cancelledAt !== undefined && !terminated ? cancelledAt + options.cancelGraceMs - Date.now() : interval;
    await sleep(Math.max(0, Math.min(interval, untilTerminate)), cancelledAt === undefined ? signal : undefined);
    if (signal?.aborted && cancelledAt === undefined) continue;
    const events = tracker.apply(
      await pollSteps(
        calls,
        cluster.clusterId,
        unfinished.map((step) => step.handle.stepId),
        tracker.span(),
      ),
    );
    for (const event of events) {
      if (event.state === "FAILED") await attachProbableCause(tracker, event.step.stepId, options);
      emit(event);
    }
    interval = nextPollInterval(interval, events.length > 0, options.pollIntervalMs, options.maxPollIntervalMs);
  }
  return { tracker, notSubmitted };
}

/** A failed step's probable cause from its log, or why the log could not be read (`failure.logError`). */
async function attachProbableCause(tracker: StepTracker, stepId: string, options: ResolvedOptions): Promise<void> {
  const step = tracker.steps.find((s) => s.handle.stepId === stepId);
  if (step?.failure === undefined) return;
  await explainFailure(step.failure, step.handle.logPrefix, options.logWaitMs, options.client);
}

export function toResult(clusterId: string, outcome: EngineOutcome, apiCalls: Record<string, number>): RunResult {
  const steps: StepResult[] = outcome.tracker.steps.map((step) => ({
    ...step.handle,
    state: step.state ?? "PENDING",
    ...(step.failure === undefined ? {} : { failure: step.failure }),
  }));
  return {
    ok: outcome.notSubmitted.length === 0 && steps.every((step) => step.state === "COMPLETED"),
    clusterId,
    steps,
    cancelled: steps.filter((step) => step.state === "CANCELLED").map((step) => step.stepId),
    notSubmitted: outcome.notSubmitted,
    apiCalls: { ...apiCalls },
  };
}
