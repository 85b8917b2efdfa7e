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
] as const;

export const EMR_OUT = "packages/dsl/src/generated";
