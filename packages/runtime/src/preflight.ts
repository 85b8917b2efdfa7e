import type { AddJobFlowStepsInput } from "@emrkit/dsl";
import * as dsl from "@emrkit/dsl";
import { type ClusterInfo, readClusterInfo } from "./internal/cluster-info.js";
import { clusterIssues, type PreflightIssue } from "./internal/cluster-issues.js";
import type { EmrCalls } from "./internal/emr-calls.js";

export type { PreflightIssue } from "./internal/cluster-issues.js";

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

type ValidateFn = (
  input: unknown,
  context?: { activeSteps: number; stepConcurrencyLevel: number; clusterState: string },
) => { ok: boolean; issues: readonly PreflightIssue[] };

/** DescribeCluster + ListSteps, then the DSL's rules with the cluster as context; refuses on any error. */
export async function preflightWith(
  calls: EmrCalls,
  request: AddJobFlowStepsInput,
  region: string,
): Promise<PreflightResult> {
  const info = await readClusterInfo(calls, request.JobFlowId, region);
  const context = {
    activeSteps: info.activeSteps,
    stepConcurrencyLevel: info.stepConcurrencyLevel,
    clusterState: info.state,
  };
  const validate = (dsl as unknown as { validate?: ValidateFn }).validate;
  const issues =
    typeof validate === "function"
      ? [...validate(request, context).issues]
      : [
          ...dsl.check(dsl.validateAddJobFlowStepsInput, request).map((issue) => ({ ...issue })),
          ...clusterIssues(request, context),
        ];
  // More steps than one request or the cluster's room can take is no refusal here: submit sends them in chunks.
  const relevant = issues.filter((issue) => issue.code !== "too-many-steps");
  if (relevant.some((issue) => issue.severity === "error")) throw new PreflightError(relevant);
  return { ...info, issues: relevant };
}
