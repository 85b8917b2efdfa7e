import { type AddJobFlowStepsInput, type Issue, validate } from "@emrkit/dsl";
import { type ClusterInfo, readClusterInfo } from "./internal/cluster-info.js";
import type { EmrCalls } from "./internal/emr-calls.js";
import { type Submission, tokenOf, withToken } from "./internal/submission.js";

/** An issue of the DSL's `validate`, found with the cluster as context. */
export type PreflightIssue = Issue;

export interface PreflightResult extends ClusterInfo {
  /** Warnings; errors refuse the request with a PreflightError instead. */
  issues: PreflightIssue[];
}

/** Thrown by preflight (and so by run) when the request would be refused; nothing was sent. */
export class PreflightError extends Error {
  constructor(readonly issues: readonly PreflightIssue[]) {
    super(
      `preflight refused the request:\n${issues
        .filter((issue) => issue.severity === "error")
        .map((issue) => `  ${issue.path}: ${issue.message}`)
        .join("\n")}`,
    );
    this.name = "PreflightError";
  }
}

/**
 * DescribeCluster + ListSteps, then the DSL's rules with the cluster as context; refuses on any error. The steps
 * are checked as they will be sent, each with its submission token, so the HadoopJarStep budget counts it.
 */
export async function preflightWith(
  calls: EmrCalls,
  request: AddJobFlowStepsInput,
  region: string,
  submission: Submission,
): Promise<PreflightResult> {
  const info = await readClusterInfo(calls, request.JobFlowId, region);
  const steps = Array.isArray(request.Steps)
    ? request.Steps.map((step, index) => withToken(step, tokenOf(submission, index)))
    : request.Steps;
  const { issues } = validate(
    { ...request, Steps: steps },
    {
      activeSteps: info.activeSteps,
      stepConcurrencyLevel: info.stepConcurrencyLevel,
      clusterState: info.state,
    },
  );
  // More steps than one request or the cluster's room can take is no refusal here: submit sends them in chunks.
  const relevant = issues.filter((issue) => issue.code !== "too-many-steps");
  if (relevant.some((issue) => issue.severity === "error")) throw new PreflightError(relevant);
  return { ...info, issues: relevant };
}
