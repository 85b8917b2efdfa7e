/** What `pnpm codegen` generates: the pinned EMR model's operations that `@emrkit/dsl` and the emulator use. */
export const EMR_MODEL = "botocore/emr-2009-03-31.service-2.json";

export const EMR_OPERATIONS = [
  "AddJobFlowSteps",
  "ListSteps",
  "DescribeStep",
  "CancelSteps",
  "DescribeCluster",
  "ListClusters",
  "RunJobFlow",
  "TerminateJobFlows",
  "ModifyCluster",
  // What the emulator also serves, for the tools that call them (aws emr describe-cluster, old DescribeJobFlows users).
  "ListInstanceGroups",
  "ListInstanceFleets",
  "ListInstances",
  "ListBootstrapActions",
  "AddTags",
  "RemoveTags",
  "SetTerminationProtection",
  "SetVisibleToAllUsers",
  "SetKeepJobFlowAliveWhenNoSteps",
  "DescribeJobFlows",
  "AddInstanceGroups",
  "ModifyInstanceGroups",
  "ListReleaseLabels",
  "DescribeReleaseLabel",
  // Policies a cluster keeps (aws emr get-managed-scaling-policy, put-auto-termination-policy, …).
  "GetManagedScalingPolicy",
  "PutManagedScalingPolicy",
  "RemoveManagedScalingPolicy",
  "GetAutoTerminationPolicy",
  "PutAutoTerminationPolicy",
  "RemoveAutoTerminationPolicy",
] as const;

export const EMR_OUT = "packages/dsl/src/generated";
