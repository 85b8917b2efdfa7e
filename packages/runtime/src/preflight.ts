import { type AddJobFlowStepsInput, type Issue, redact, redactIssue, snapshotRequest, validate } from "@emrkit/dsl";
import { type ClusterInfo, readClusterInfo } from "./internal/cluster-info.js";
import type { EmrCalls } from "./internal/emr-calls.js";
import { type Submission, tokenOf, withToken } from "./internal/submission.js";

/** An issue of the DSL's `validate`, found with the cluster as context. */
export type PreflightIssue = Issue;

export interface PreflightResult extends ClusterInfo {
  /** Warnings; errors refuse the request with a PreflightError instead. */
  issues: PreflightIssue[];
  /**
   * The request as preflight checked it (without the tokens): a plain copy, read once. Submit this one, not the
   * request given: a getter or a Proxy in that one may give the submission something other than what was checked.
   */
  request: AddJobFlowStepsInput;
}

/**
 * Thrown by preflight (and so by run) when the request would be refused; nothing was sent. Its message and issues
 * are redacted here, where they are made, whoever made the issues.
 */
export class PreflightError extends Error {
  readonly issues: readonly PreflightIssue[];

  constructor(issues: readonly PreflightIssue[]) {
    const redacted = issues.map(redactIssue);
    super(
      redact(
        `preflight refused the request:\n${redacted
          .filter((issue) => issue.severity === "error")
          .map((issue) => `  ${issue.path}: ${issue.message}`)
          .join("\n")}`,
      ),
    );
    this.name = "PreflightError";
    this.issues = redacted;
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
  // Read once, before anything: what is checked below is what the result hands on to be submitted.
  const checked = snapshotRequest(request);
  const info = await readClusterInfo(calls, checked.JobFlowId, region);
  const steps = Array.isArray(checked.Steps)
    ? checked.Steps.map((step, index) => withToken(step, tokenOf(submission, index)))
    : checked.Steps;
  const { issues } = validate(
    { ...checked, Steps: steps },
    {
      activeSteps: info.activeSteps,
      stepConcurrencyLevel: info.stepConcurrencyLevel,
      clusterState: info.state,
    },
  );
  // More steps than one request or the cluster's room can take is no refusal here: submit sends them in chunks.
  const relevant = issues.filter((issue) => issue.code !== "too-many-steps");
  if (relevant.some((issue) => issue.severity === "error")) throw new PreflightError(relevant);
  return { ...info, issues: relevant, request: checked };
}
