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
  /** The region and account whose request made it; absent in journals older than regions: us-east-1, 000000000000. */
  region?: string;
  account?: string;
  /**
   * What RunJobFlow was given that EMR hands back (in DescribeCluster, ListBootstrapActions, DescribeJobFlows),
   * as it came: the request without Name, Steps and the instance groups or fleets (kept as records below).
   */
  given?: Record<string, unknown>;
  tags?: Tag[];
  terminationProtected?: boolean;
  visibleToAllUsers?: boolean;
  /** A cluster has instance groups or instance fleets, never both (API reference, JobFlowInstancesConfig). */
  instanceGroups?: InstanceGroupRecord[];
  instanceFleets?: InstanceFleetRecord[];
  /** Step ids in the order they were added (rebuilt from the steps' `index` on replay, not journaled). */
  steps: string[];
}

export interface Tag {
  Key: string;
  Value?: string;
}

/** One instance group: RunJobFlow's or AddInstanceGroups' InstanceGroupConfig, with its id and its count now. */
export interface InstanceGroupRecord {
  id: string;
  role: "MASTER" | "CORE" | "TASK";
  instanceType: string;
  count: number;
  created: number;
  /** The rest of its InstanceGroupConfig as given (Name, Market, BidPrice, Configurations, EbsConfiguration, …). */
  config: Record<string, unknown>;
}

/** One instance fleet: its InstanceFleetConfig as given, with its id. */
export interface InstanceFleetRecord {
  id: string;
  role: "MASTER" | "CORE" | "TASK";
  created: number;
  config: Record<string, unknown>;
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
