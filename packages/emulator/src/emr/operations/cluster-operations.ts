import {
  MAX_STEP_CONCURRENCY,
  MIN_STEP_CONCURRENCY,
  type StepConfig,
  validateDescribeClusterInput,
  validateListBootstrapActionsInput,
  validateListClustersInput,
  validateModifyClusterInput,
  validateRunJobFlowInput,
  validateSteps,
  validateTerminateJobFlowsInput,
} from "@emrkit/dsl";
import { belongsTo, clusterArn, ownedCluster } from "../cluster-owner.js";
import { clusterSpec } from "../cluster-spec.js";
import { clusterJson, clusterSummary } from "../cluster-wire.js";
import { invalidRequest, validationError } from "../emr-error.js";
import type { ClusterRecord } from "../records.js";
import { newestFirst } from "./newest-first.js";
import { type Operation, refuseErrors } from "./operation.js";
import { stepSpec } from "./step-operations.js";

/** The operations on clusters: create, describe, list, modify, terminate, and the bootstrap actions they were given. */
export const CLUSTER_OPERATIONS: Record<string, Operation> = {
  RunJobFlow: {
    validator: validateRunJobFlowInput,
    run: (engine, b, caller) => {
      const steps = (b.Steps ?? []) as StepConfig[];
      const concurrency = concurrencyLevel(b.StepConcurrencyLevel ?? 1);
      // A new cluster's steps meet the same rules as added ones: at most 256, each within EMR's limits.
      refuseErrors(validateSteps(steps, { stepConcurrencyLevel: concurrency }));
      const cluster = engine.createCluster(clusterSpec(b, caller, concurrency), steps.map(stepSpec));
      return { JobFlowId: cluster.id, ClusterArn: clusterArn(cluster) };
    },
  },
  DescribeCluster: {
    validator: validateDescribeClusterInput,
    run: (e, b, caller) => ({ Cluster: clusterJson(ownedCluster(e, caller, b.ClusterId)) }),
  },
  ListClusters: {
    validator: validateListClustersInput,
    run: (e, b, caller) => {
      const states = b.ClusterStates as string[] | undefined;
      // Epoch seconds on the wire; both bounds taken as inclusive (a guess: the API reference does not say).
      const after = b.CreatedAfter === undefined ? -Infinity : Number(b.CreatedAfter) * 1000;
      const before = b.CreatedBefore === undefined ? Infinity : Number(b.CreatedBefore) * 1000;
      const wanted = (c: ClusterRecord) =>
        belongsTo(c, caller) && (!states || states.includes(c.state)) && c.created >= after && c.created <= before;
      return newestFirst("Clusters", [...e.clusters.values()], (c) => c, wanted, clusterSummary, b.Marker);
    },
  },
  TerminateJobFlows: {
    validator: validateTerminateJobFlowsInput,
    run: (e, b, caller) => {
      const clusters = (b.JobFlowIds as string[]).map((id) =>
        ownedCluster(e, caller, id, () => validationError(`Cluster id '${id}' is not valid.`)),
      );
      // "With termination protection enabled, the TerminateJobFlows action … does not work … The API returns an
      // error" (Management Guide, "Using termination protection"). The whole call is refused, terminating none of
      // its clusters (a guess; the words are moto's).
      if (clusters.some((c) => c.terminationProtected)) {
        throw validationError("Could not shut down one or more job flows since they are termination protected.");
      }
      for (const c of clusters) e.terminate(c);
      return {};
    },
  },
  ModifyCluster: {
    validator: validateModifyClusterInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      if (b.StepConcurrencyLevel !== undefined) e.setConcurrency(cluster, concurrencyLevel(b.StepConcurrencyLevel));
      return { StepConcurrencyLevel: cluster.concurrency };
    },
  },
  ListBootstrapActions: {
    validator: validateListBootstrapActionsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      const given = (cluster.given?.BootstrapActions ?? []) as {
        Name: string;
        ScriptBootstrapAction: { Path: string; Args?: string[] };
      }[];
      // As Command: the path and arguments of each ScriptBootstrapAction (API reference, ListBootstrapActions).
      return {
        BootstrapActions: given.map((a) => ({
          Name: a.Name,
          ScriptPath: a.ScriptBootstrapAction.Path,
          Args: a.ScriptBootstrapAction.Args ?? [],
        })),
      };
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
