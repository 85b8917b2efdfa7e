import {
  AddJobFlowStepsCommand,
  type AddJobFlowStepsOutput,
  type StepConfig,
  type StepSummary,
} from "@aws-sdk/client-emr";
import type { EmrCalls } from "./emr-calls.js";
import { eachStep } from "./list-steps.js";

/**
 * Exactly-once AddJobFlowSteps. EMR gives the call no idempotency token, so a retry after an outcome-unknown
 * failure (a timeout, a dropped connection, a 5xx) could add the steps twice. Before sending again we read the
 * cluster's steps back, newest first, stopping at the newest step id seen before the call (`watermark`), and look
 * among the steps added since for this chunk: the same names, jars and args, in order, consecutive. Found → those
 * are our step ids and nothing is resent. Not found → the call did not go through and is sent again.
 * Assumes, as EMR documents nothing else, that one call adds all its steps or none, and that nobody else adds
 * identical steps to the same cluster in the same moment (then the read-back could not tell them apart).
 */
export async function addStepsOnce(
  calls: EmrCalls,
  clusterId: string,
  steps: readonly StepConfig[],
  watermark: string | undefined,
  executionRoleArn: string | undefined,
): Promise<string[]> {
  const input = {
    JobFlowId: clusterId,
    Steps: [...steps],
    ...(executionRoleArn === undefined ? {} : { ExecutionRoleArn: executionRoleArn }),
  };
  const output = await calls.call<AddJobFlowStepsOutput>(
    () => new AddJobFlowStepsCommand(input),
    false,
    async () => {
      const added = await stepsAddedSince(calls, clusterId, watermark);
      const ids = findChunk(added, steps);
      return ids === undefined ? undefined : { StepIds: ids, $metadata: {} };
    },
  );
  const ids = output.StepIds ?? [];
  if (ids.length !== steps.length) {
    throw new Error(`AddJobFlowSteps returned ${ids.length} step ids for ${steps.length} steps`);
  }
  return ids;
}

/** The cluster's steps newer than `watermark`, oldest first. */
export async function stepsAddedSince(
  calls: EmrCalls,
  clusterId: string,
  watermark: string | undefined,
): Promise<StepSummary[]> {
  const newestFirst: StepSummary[] = [];
  await eachStep(calls, { ClusterId: clusterId }, (step) => {
    if (step.Id === watermark) return false;
    newestFirst.push(step);
    return true;
  });
  return newestFirst.reverse();
}

/** Where `chunk` appears as a consecutive run in `added` (oldest first): its step ids, or undefined. */
export function findChunk(added: readonly StepSummary[], chunk: readonly StepConfig[]): string[] | undefined {
  if (chunk.length === 0) return [];
  for (let start = 0; start + chunk.length <= added.length; start++) {
    const run = added.slice(start, start + chunk.length);
    if (run.every((summary, i) => sameStep(summary, chunk[i] as StepConfig))) {
      return run.map((summary) => summary.Id ?? "");
    }
  }
  return undefined;
}

export function sameStep(summary: StepSummary, config: StepConfig): boolean {
  const a = summary.Config?.Args ?? [];
  const b = config.HadoopJarStep?.Args ?? [];
  return (
    summary.Name === config.Name &&
    summary.Config?.Jar === config.HadoopJarStep?.Jar &&
    a.length === b.length &&
    a.every((arg, i) => arg === b[i])
  );
}
