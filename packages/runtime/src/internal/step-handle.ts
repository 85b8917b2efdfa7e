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

export function makeHandle(
  cluster: { clusterId: string; region: string; logUri: string | undefined },
  stepId: string,
  name: string,
  stepLogUri?: string,
): StepHandle {
  const prefix = logPrefix(cluster.logUri ?? stepLogUri, cluster.clusterId, stepId);
  return {
    clusterId: cluster.clusterId,
    stepId,
    name,
    consoleUrl: consoleUrl(cluster.region, cluster.clusterId),
    ...(prefix === undefined ? {} : { logPrefix: prefix }),
  };
}
