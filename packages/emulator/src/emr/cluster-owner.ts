import { type Caller, DEFAULT_ACCOUNT, DEFAULT_REGION } from "../sigv4/caller.js";
import { partitionOf } from "../sigv4/regions.js";
import { type EmrError, noSuchCluster } from "./emr-error.js";
import type { Engine } from "./engine.js";
import type { ClusterRecord } from "./records.js";

/**
 * Clusters belong to the region and account that made them, as on EMR, where each region is its own endpoint and
 * each account sees only its own clusters: a cluster made through eu-west-1 is not there for us-east-1.
 */
export function belongsTo(cluster: ClusterRecord, caller: Caller): boolean {
  return (
    (cluster.region ?? DEFAULT_REGION) === caller.region && (cluster.account ?? DEFAULT_ACCOUNT) === caller.account
  );
}

/** The caller's cluster of that id; any other (none, or another region's or account's) is `missing`. */
export function ownedCluster(
  engine: Engine,
  caller: Caller,
  id: unknown,
  missing: (id: unknown) => EmrError = noSuchCluster,
): ClusterRecord {
  const cluster = typeof id === "string" ? engine.clusters.get(id) : undefined;
  if (!cluster || !belongsTo(cluster, caller)) throw missing(id);
  return cluster;
}

/** `arn:<partition>:elasticmapreduce:<region>:<account>:cluster/<id>`, as RunJobFlow and DescribeCluster give it. */
export function clusterArn(cluster: ClusterRecord): string {
  const region = cluster.region ?? DEFAULT_REGION;
  return `arn:${partitionOf(region) ?? "aws"}:elasticmapreduce:${region}:${cluster.account ?? DEFAULT_ACCOUNT}:cluster/${cluster.id}`;
}
