import { ACTIONS_REFUSED_WITH_CONCURRENCY, type AddJobFlowStepsInput, STEP_ADDABLE_CLUSTER_STATES } from "@emrkit/dsl";

/** One reason to refuse a request, in the DSL's issue shape. */
export interface PreflightIssue {
  code: string;
  severity: "error" | "warning";
  path: string;
  message: string;
}

/**
 * The checks that need the cluster: its state, and the ActionOnFailure values refused on a cluster running
 * steps concurrently. Used when the DSL has no `validate(input, context)`; otherwise the DSL decides.
 */
export function clusterIssues(
  request: AddJobFlowStepsInput,
  context: { clusterState: string; stepConcurrencyLevel: number },
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  if (!(STEP_ADDABLE_CLUSTER_STATES as readonly string[]).includes(context.clusterState)) {
    issues.push({
      code: "cluster-state",
      severity: "error",
      path: "JobFlowId",
      message: `cluster ${request.JobFlowId} is ${context.clusterState}; steps can be added only while it is ${STEP_ADDABLE_CLUSTER_STATES.join(", ")}`,
    });
  }
  if (context.stepConcurrencyLevel > 1) {
    (request.Steps ?? []).forEach((step, index) => {
      const action = step.ActionOnFailure;
      if (action !== undefined && (ACTIONS_REFUSED_WITH_CONCURRENCY as readonly string[]).includes(action)) {
        issues.push({
          code: "action-on-failure-concurrency",
          severity: "error",
          path: `Steps[${index}].ActionOnFailure`,
          message: `${action} is refused on a cluster with StepConcurrencyLevel ${context.stepConcurrencyLevel} (> 1); use CONTINUE`,
        });
      }
    });
  }
  return issues;
}
