import { type AddJobFlowStepsInput, snapshotRequest } from "@emrkit/dsl";
import { type ClusterInfo, readClusterInfo } from "./internal/cluster-info.js";
import { EmrCalls } from "./internal/emr-calls.js";
import { type EngineJob, runEngine, toResult } from "./internal/engine.js";
import { makeRun } from "./internal/event-stream.js";
import { type ResolvedOptions, resolveOptions } from "./internal/options.js";
import { newSubmission, type Submission } from "./internal/submission.js";
import { type PreflightResult, preflightWith } from "./preflight.js";
import type { Run, RunEvent, RunResult, RuntimeOptions, StepHandle } from "./types.js";

async function regionOf(options: ResolvedOptions): Promise<string> {
  const region = options.client.config.region;
  return typeof region === "function" ? await region() : String(region);
}

function callsFor(options: ResolvedOptions, emit: (event: RunEvent) => void): EmrCalls {
  return new EmrCalls(options.client, options, (event) => {
    emit(event);
  });
}

/** DescribeCluster + ListSteps + the DSL's rules; throws PreflightError (with `.issues`) when it would be refused. */
export async function preflight(request: AddJobFlowStepsInput, options?: RuntimeOptions): Promise<PreflightResult> {
  const resolved = resolveOptions(options);
  const emit = resolved.onEvent ?? (() => {});
  return preflightWith(callsFor(resolved, emit), request, await regionOf(resolved), submissionFor(request, resolved));
}

/** Submits every step exactly once, in chunks as room frees up; resolves with the handles once all are in. */
export async function submit(given: AddJobFlowStepsInput, options?: RuntimeOptions): Promise<StepHandle[]> {
  const resolved = resolveOptions(options);
  // Read once into plain data: a getter or a Proxy cannot give one part of the run something other than the next.
  const request = snapshotRequest(given);
  const emit = resolved.onEvent ?? (() => {});
  const calls = callsFor(resolved, emit);
  const cluster = await readClusterInfo(calls, request.JobFlowId, await regionOf(resolved));
  const job = jobFor(request, cluster, "submitted", submissionFor(request, resolved));
  const outcome = await runEngine(job, calls, resolved, emit);
  if (resolved.signal?.aborted) throw resolved.signal.reason ?? new Error("aborted");
  return outcome.tracker.steps.map((step) => step.handle);
}

/** Follows submitted steps to their terminal states. */
export function follow(steps: StepHandle[], options?: RuntimeOptions): Run {
  const resolved = resolveOptions(options);
  return makeRun(async (emit) => {
    const clusterIds = [...new Set(steps.map((step) => step.clusterId))];
    if (clusterIds.length > 1) {
      throw new Error(`@emrkit/runtime: follow takes the steps of one cluster, but got ${clusterIds.join(", ")}`);
    }
    const clusterId = clusterIds[0] ?? "";
    const calls = callsFor(resolved, emit);
    const cluster: ClusterInfo = {
      clusterId,
      state: "UNKNOWN",
      stepConcurrencyLevel: 1,
      activeSteps: 0,
      newestStepId: undefined,
      logUri: undefined,
      region: await regionOf(resolved),
    };
    const job: EngineJob = {
      cluster,
      steps: [],
      executionRoleArn: undefined,
      submission: newSubmission([], undefined),
      follow: steps,
      goal: "finished",
    };
    return toResult(clusterId, await runEngine(job, calls, resolved, emit), calls.counts);
  }, resolved.onEvent);
}

/** preflight + submit + follow, with the events of all three. */
export function run(given: AddJobFlowStepsInput, options?: RuntimeOptions): Run {
  const resolved = resolveOptions(options);
  return makeRun(async (emit): Promise<RunResult> => {
    // Read once into plain data: the token's fingerprint, preflight and the submission all see the same steps.
    const request = snapshotRequest(given);
    const calls = callsFor(resolved, emit);
    const submission = submissionFor(request, resolved);
    const checked = await preflightWith(calls, request, await regionOf(resolved), submission);
    emit({
      type: "preflight",
      clusterState: checked.state,
      stepConcurrencyLevel: checked.stepConcurrencyLevel,
      activeSteps: checked.activeSteps,
    });
    const outcome = await runEngine(jobFor(request, checked, "finished", submission), calls, resolved, emit);
    return toResult(request.JobFlowId, outcome, calls.counts);
  }, resolved.onEvent);
}

function submissionFor(request: AddJobFlowStepsInput, options: ResolvedOptions): Submission {
  return newSubmission((request.Steps ?? []) as EngineJob["steps"], request.ExecutionRoleArn, options.idempotencyKey);
}

function jobFor(
  request: AddJobFlowStepsInput,
  cluster: ClusterInfo,
  goal: EngineJob["goal"],
  submission: Submission,
): EngineJob {
  return {
    cluster,
    steps: (request.Steps ?? []) as EngineJob["steps"],
    executionRoleArn: request.ExecutionRoleArn,
    submission,
    follow: [],
    goal,
  };
}
