import { AddJobFlowStepsCommand, type AddJobFlowStepsOutput, type StepConfig } from "@aws-sdk/client-emr";
import type { EmrCalls } from "./emr-calls.js";
import { findOurSteps } from "./our-steps.js";
import { sleep } from "./sleep.js";
import type { Submission } from "./submission.js";

/** One AddJobFlowSteps call's worth of steps, as sent (each with its token), and their places in the request. */
export interface Chunk {
  readonly steps: readonly StepConfig[];
  readonly indexes: readonly number[];
}

export interface AddStepsOnceOptions {
  readonly submission: Submission;
  /** The newest step on the cluster before this call: the read-back stops there. */
  readonly watermark: string | undefined;
  readonly executionRoleArn: string | undefined;
  /** How long a read-back may take to see a chunk that did commit, before the chunk is sent again. */
  readonly readBackWindowMs: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * Exactly-once AddJobFlowSteps. EMR gives the call no idempotency token, so a retry after an outcome-unknown
 * failure (a timeout, a dropped connection, a 5xx) could add the steps twice. Before sending again we read the
 * cluster's steps back, newest first down to the watermark, and look for this chunk's tokens (see submission.ts):
 * all there → those are our step ids and nothing is resent. EMR documents no read-after-write guarantee for
 * ListSteps, so "not there" is believed only after `readBackWindowMs` of looking; then the chunk is sent again.
 * Assumes, as EMR documents nothing else, that one call adds all its steps or none: a chunk seen in part is an
 * error, never resent.
 */
export async function addStepsOnce(calls: EmrCalls, clusterId: string, chunk: Chunk, options: AddStepsOnceOptions) {
  const input = {
    JobFlowId: clusterId,
    Steps: [...chunk.steps],
    ...(options.executionRoleArn === undefined ? {} : { ExecutionRoleArn: options.executionRoleArn }),
  };
  const output = await calls.call<AddJobFlowStepsOutput>(
    () => new AddJobFlowStepsCommand(input),
    false,
    async () => {
      const ids = await readBack(calls, clusterId, chunk, options);
      return ids === undefined ? undefined : { StepIds: ids, $metadata: {} };
    },
  );
  const ids = output.StepIds ?? [];
  if (ids.length !== chunk.steps.length) {
    throw new Error(`AddJobFlowSteps returned ${ids.length} step ids for ${chunk.steps.length} steps`);
  }
  return ids;
}

/** The chunk's step ids once a read-back sees all of it; undefined when the window passes without any of it. */
export async function readBack(
  calls: EmrCalls,
  clusterId: string,
  chunk: Chunk,
  options: Pick<AddStepsOnceOptions, "submission" | "watermark" | "readBackWindowMs" | "signal">,
): Promise<string[] | undefined> {
  const deadline = Date.now() + options.readBackWindowMs;
  for (let pauseMs = 100; ; pauseMs = Math.min(2_000, pauseMs * 2)) {
    const { found } = await findOurSteps(calls, clusterId, options.submission, options.watermark);
    const seen = chunk.indexes.filter((index) => found.has(index));
    if (seen.length === chunk.indexes.length) return chunk.indexes.map((index) => found.get(index)?.Id ?? "");
    const left = deadline - Date.now();
    if (left <= 0 || options.signal?.aborted) {
      if (seen.length === 0) return undefined;
      throw new Error(
        `AddJobFlowSteps: ${seen.length} of the ${chunk.indexes.length} steps of one call are on the cluster after ` +
          `${options.readBackWindowMs} ms; EMR adds a call's steps all or none, so this is not resent`,
      );
    }
    await sleep(Math.min(pauseMs, left), options.signal);
  }
}
