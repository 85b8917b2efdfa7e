import {
  type Cluster,
  DescribeClusterCommand,
  type DescribeClusterOutput,
  ListStepsCommand,
  type ListStepsOutput,
} from "@aws-sdk/client-emr";
import type { EmrCalls } from "./emr-calls.js";
import { eachStep } from "./list-steps.js";

/** What submit and preflight need to know about the cluster before they send anything. */
export interface ClusterInfo {
  clusterId: string;
  state: string;
  stepConcurrencyLevel: number;
  /** PENDING + CANCEL_PENDING + RUNNING steps at the time of the look (countActiveSteps). */
  activeSteps: number;
  /** The newest step on the cluster before we add any: where a read-back after a lost answer stops. */
  newestStepId: string | undefined;
  logUri: string | undefined;
  region: string;
}

export async function readClusterInfo(calls: EmrCalls, clusterId: string, region: string): Promise<ClusterInfo> {
  const described = await calls.call<DescribeClusterOutput>(
    () => new DescribeClusterCommand({ ClusterId: clusterId }),
    true,
  );
  const cluster: Cluster = described.Cluster ?? {};
  const activeSteps = await countActiveSteps(calls, clusterId);
  const newest: ListStepsOutput = await calls.call(() => new ListStepsCommand({ ClusterId: clusterId }), true);
  return {
    clusterId,
    state: cluster.Status?.State ?? "UNKNOWN",
    stepConcurrencyLevel: cluster.StepConcurrencyLevel ?? 1,
    activeSteps,
    newestStepId: newest.Steps?.[0]?.Id,
    logUri: cluster.LogUri,
    region,
  };
}

/**
 * The steps on the cluster that count toward its 256 active ones, everyone's: PENDING, CANCEL_PENDING and RUNNING,
 * as EMR counts them when it refuses ("Maximum number of active steps(State = 'Running', 'Pending' or
 * 'Cancel_Pending') for cluster exceeded."); the Management Guide ("Work with steps") says only "256 active steps".
 * The emulator counts the same three (its engine's addSteps).
 */
export async function countActiveSteps(calls: EmrCalls, clusterId: string): Promise<number> {
  let count = 0;
  await eachStep(calls, { ClusterId: clusterId, StepStates: ["PENDING", "CANCEL_PENDING", "RUNNING"] }, () => {
    count++;
    return true;
  });
  return count;
}

/**
 * Whether EMR refused AddJobFlowSteps because the cluster holds its 256 active steps ("Maximum number of active
 * steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded.", as EMR words it). Nothing was
 * added: it is worth waiting for room, not an error of the request.
 */
export function isActiveStepLimit(error: unknown): boolean {
  const { name, message } = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  return (
    name === "ValidationException" && typeof message === "string" && /maximum number of active steps/i.test(message)
  );
}
