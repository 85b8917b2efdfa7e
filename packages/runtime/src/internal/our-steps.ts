import type { StepSummary } from "@aws-sdk/client-emr";
import type { EmrCalls } from "./emr-calls.js";
import { eachStep } from "./list-steps.js";
import { readToken, type Submission } from "./submission.js";

export interface OurSteps {
  /** Our steps by their index in the request. Were an index there twice, the older step (it committed first). */
  readonly found: Map<number, StepSummary>;
  /** Steps with our id but another fingerprint: the same idempotency key used for a different request. */
  readonly conflicts: StepSummary[];
}

/**
 * Our steps on the cluster, recognised by their token only, never by content: another client's identical steps
 * carry another token or none. Reads newest first, down to `stopAt` (the newest step seen before our call: nothing
 * older can be from it) or, without it, the whole history (a process resuming an idempotency key).
 */
export async function findOurSteps(
  calls: EmrCalls,
  clusterId: string,
  submission: Submission,
  stopAt: string | undefined,
): Promise<OurSteps> {
  const found = new Map<number, StepSummary>();
  const conflicts: StepSummary[] = [];
  await eachStep(calls, { ClusterId: clusterId }, (step) => {
    if (stopAt !== undefined && step.Id === stopAt) return false;
    const token = readToken(step);
    if (token === undefined || token.id !== submission.id) return true;
    if (token.fingerprint !== submission.fingerprint) conflicts.push(step);
    else found.set(token.index, step); // newest first: an older copy replaces a newer one
    return true;
  });
  return { found, conflicts };
}
