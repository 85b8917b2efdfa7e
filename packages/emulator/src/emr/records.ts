/** What the emulator stores: one record per cluster and per step, in EMR's own vocabulary. Times are epoch ms. */
export type ClusterState =
  | "STARTING"
  | "BOOTSTRAPPING"
  | "RUNNING"
  | "WAITING"
  | "TERMINATING"
  | "TERMINATED"
  | "TERMINATED_WITH_ERRORS";

export type StepState = "PENDING" | "CANCEL_PENDING" | "RUNNING" | "COMPLETED" | "CANCELLED" | "FAILED" | "INTERRUPTED";

export interface ClusterRecord {
  kind: "cluster";
  id: string;
  name: string;
  state: ClusterState;
  reason?: { Code?: string; Message?: string };
  created: number;
  ready?: number;
  ended?: number;
  keepAlive: boolean;
  concurrency: number;
  logUri?: string;
  releaseLabel?: string;
  /** Step ids in the order they were added (rebuilt from the steps' `index` on replay, not journaled). */
  steps: string[];
}

export interface StepRecord {
  kind: "step";
  id: string;
  clusterId: string;
  /** Its position among its cluster's steps. */
  index: number;
  name: string;
  actionOnFailure: string;
  jar: string;
  mainClass?: string;
  args: string[];
  properties: { Key?: string; Value?: string }[];
  state: StepState;
  reason?: string;
  created: number;
  started?: number;
  ended?: number;
  failure?: { Reason: string; Message: string; LogFile?: string };
}

export const TERMINAL_STEP: ReadonlySet<StepState> = new Set(["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"]);
export const ENDED_CLUSTER: ReadonlySet<ClusterState> = new Set([
  "TERMINATING",
  "TERMINATED",
  "TERMINATED_WITH_ERRORS",
]);
