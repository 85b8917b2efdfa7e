import type { StepConfig } from "@aws-sdk/client-emr";
import type { StepHandle } from "../types.js";
import type { ClusterInfo } from "./cluster-info.js";
import type { EmrCalls } from "./emr-calls.js";
import { findOurSteps } from "./our-steps.js";
import { makeHandle } from "./step-handle.js";
import type { Submission } from "./submission.js";

/** The same idempotency key was used on the cluster for a different request: neither is guessed to be meant. */
export class IdempotencyKeyError extends Error {
  constructor(
    readonly key: string,
    readonly clusterId: string,
    readonly stepIds: readonly string[],
  ) {
    super(
      `@emrkit/runtime: the idempotency key ${JSON.stringify(key)} was used on ${clusterId} for a different request ` +
        `(steps ${stepIds.slice(0, 5).join(", ")}${stepIds.length > 5 ? ", …" : ""}); nothing was sent. ` +
        "Use a new key for a new request, or run the request the key was made for.",
    );
    this.name = "IdempotencyKeyError";
  }
}

/**
 * A keyed run first looks for the steps an earlier run with the same key already added, in any state, over the
 * cluster's whole history: those are followed, not sent again. Handles come in request order.
 */
export async function resumeKeyed(
  calls: EmrCalls,
  cluster: ClusterInfo,
  submission: Submission & { key: string },
  steps: readonly StepConfig[],
): Promise<{ handles: StepHandle[]; indexes: ReadonlySet<number> }> {
  const { found, conflicts } = await findOurSteps(calls, cluster.clusterId, submission, undefined);
  if (conflicts.length > 0) {
    throw new IdempotencyKeyError(submission.key, cluster.clusterId, conflicts.map((step) => step.Id ?? "").reverse());
  }
  const indexes = [...found.keys()].filter((index) => index < steps.length).sort((a, b) => a - b);
  const handles = indexes.map((index) => {
    const step = steps[index]!;
    const summary = found.get(index)!;
    return makeHandle(
      cluster,
      summary.Id ?? "",
      step.Name ?? "",
      step.StepMonitoringConfiguration?.S3MonitoringConfiguration?.LogUri,
    );
  });
  return { handles, indexes: new Set(indexes) };
}
