import { type AddJobFlowStepsInput, type Issue, validate } from "@emrkit/dsl";
import { type ClusterInfo, readClusterInfo } from "./internal/cluster-info.js";
import type { EmrCalls } from "./internal/emr-calls.js";

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

/** DescribeCluster + ListSteps, then the DSL's rules with the cluster as context; refuses on any error. */
export async function preflightWith(
  calls: EmrCalls,
  request: AddJobFlowStepsInput,
  region: string,
): Promise<PreflightResult> {
  const info = await readClusterInfo(calls, request.JobFlowId, region);
  const { issues } = validate(request, {
    activeSteps: info.activeSteps,
    stepConcurrencyLevel: info.stepConcurrencyLevel,
    clusterState: info.state,
  });
  // More steps than one request or the cluster's room can take is no refusal here: submit sends them in chunks.
  const relevant = issues.filter((issue) => issue.code !== "too-many-steps");
  if (relevant.some((issue) => issue.severity === "error")) throw new PreflightError(relevant);
  return { ...info, issues: relevant };
}
