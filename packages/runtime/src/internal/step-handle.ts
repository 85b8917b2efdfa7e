import type { StepHandle } from "../types.js";

/** The EMR console page of a cluster (its steps tab is one click away). */
export function consoleUrl(region: string, clusterId: string): string {
  return `https://${region}.console.aws.amazon.com/emr/home?region=${region}#/clusterDetails/${clusterId}`;
}

/** EMR writes a step's logs under `<LogUri>/<clusterId>/steps/<stepId>/` (Management Guide, "View log files"). */
export function logPrefix(logUri: string | undefined, clusterId: string, stepId: string): string | undefined {
  if (logUri === undefined || logUri === "") return undefined;
  return `${logUri.replace(/\/+$/, "")}/${clusterId}/steps/${stepId}/`;
}

/**
 * A step's handle. Its logs go to the step's own `S3MonitoringConfiguration.LogUri` when it has one: "When it's
 * specified, it takes precedence over the cluster's logging configuration. If you […] omit individual fields, EMR
 * falls back to cluster-level logging behavior" (API ref, StepMonitoringConfiguration); else to the cluster's
 * `LogUri`. That EMR lays them out under a step's own LogUri as under a cluster's (`<clusterId>/steps/<stepId>/`) is a
 * guess: the reference does not say.
 */
export function makeHandle(
  cluster: { clusterId: string; region: string; logUri: string | undefined },
  stepId: string,
  name: string,
  stepLogUri?: string,
): StepHandle {
  // An empty LogUri is none: the model allows "" and the DSL's rules take it so.
  const prefix = logPrefix(stepLogUri || cluster.logUri, cluster.clusterId, stepId);
  return {
    clusterId: cluster.clusterId,
    stepId,
    name,
    consoleUrl: consoleUrl(cluster.region, cluster.clusterId),
    ...(prefix === undefined ? {} : { logPrefix: prefix }),
  };
}
