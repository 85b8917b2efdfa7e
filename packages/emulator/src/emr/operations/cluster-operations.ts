import {
  MAX_STEP_CONCURRENCY,
  MIN_STEP_CONCURRENCY,
  type StepConfig,
  validateDescribeClusterInput,
  validateListClustersInput,
  validateModifyClusterInput,
  validateRunJobFlowInput,
  validateSteps,
  validateTerminateJobFlowsInput,
} from "@emrkit/dsl";
import { invalidRequest, validationError } from "../emr-error.js";
import type { ClusterRecord } from "../records.js";
import { clusterJson, clusterStatus } from "../wire.js";
import { newestFirst } from "./newest-first.js";
import { type Operation, refuseErrors } from "./operation.js";
import { stepSpec } from "./step-operations.js";

/** The operations on clusters: create, describe, list, modify, terminate. */
export const CLUSTER_OPERATIONS: Record<string, Operation> = {
  RunJobFlow: {
    validator: validateRunJobFlowInput,
    run: (engine, b) => {
      const steps = (b.Steps ?? []) as StepConfig[];
      const concurrency = concurrencyLevel(b.StepConcurrencyLevel ?? 1);
      // A new cluster's steps meet the same rules as added ones: at most 256, each within EMR's limits.
      refuseErrors(validateSteps(steps, { stepConcurrencyLevel: concurrency }));
      const cluster = engine.createCluster(
        {
          name: b.Name,
          keepAlive: b.Instances?.KeepJobFlowAliveWhenNoSteps === true,
          concurrency,
          ...(b.LogUri ? { logUri: b.LogUri } : {}),
          ...(b.ReleaseLabel ? { releaseLabel: b.ReleaseLabel } : {}),
        },
        steps.map(stepSpec),
      );
      return { JobFlowId: cluster.id, ClusterArn: clusterJson(cluster).ClusterArn };
    },
  },
  DescribeCluster: {
    validator: validateDescribeClusterInput,
    run: (e, b) => ({ Cluster: clusterJson(e.cluster(b.ClusterId)) }),
  },
  ListClusters: {
    validator: validateListClustersInput,
    run: (e, b) => {
      const wanted = b.ClusterStates as string[] | undefined;
      const all = [...e.clusters.values()];
      const show = (c: ClusterRecord) => ({ Id: c.id, Name: c.name, Status: clusterStatus(c) });
      return newestFirst(
        "Clusters",
        all,
        (c) => c,
        (c) => !wanted || wanted.includes(c.state),
        show,
        b.Marker,
      );
    },
  },
  TerminateJobFlows: {
    validator: validateTerminateJobFlowsInput,
    run: (e, b) => {
      const clusters = (b.JobFlowIds as string[]).map((id) => e.cluster(id, validationError));
      for (const c of clusters) e.terminate(c);
      return {};
    },
  },
  ModifyCluster: {
    validator: validateModifyClusterInput,
    run: (e, b) => {
      const cluster = e.cluster(b.ClusterId);
      if (b.StepConcurrencyLevel !== undefined) e.setConcurrency(cluster, concurrencyLevel(b.StepConcurrencyLevel));
      return { StepConcurrencyLevel: cluster.concurrency };
    },
  },
};

/** StepConcurrencyLevel, in RunJobFlow or ModifyCluster: 1–256 (EMR API reference, ModifyCluster). */
function concurrencyLevel(level: number): number {
  if (level < MIN_STEP_CONCURRENCY || level > MAX_STEP_CONCURRENCY) {
    throw invalidRequest(
      `StepConcurrencyLevel must be between ${MIN_STEP_CONCURRENCY} and ${MAX_STEP_CONCURRENCY}, but is ${level}.`,
    );
  }
  return level;
}
