/**
 * NormalizedInstanceHours, "an approximation of the cost of the cluster, represented in m1.small/hours": each hour
 * an instance runs counts its size's normalization factor, an m1.small 1, an instance about four times as costly 4
 * (API reference, Cluster). The factors are EC2's (EC2 User Guide, "Instance size flexibility": nano 0.25 … xlarge 8,
 * then 8 per xlarge). Guesses: a started hour counts whole, as EMR's per-hour figures suggest, and a cluster still
 * STARTING has run no hours yet; a size the table does not name (metal) counts as 24xlarge.
 */
const FACTOR: Readonly<Record<string, number>> = {
  nano: 0.25,
  micro: 0.5,
  small: 1,
  medium: 2,
  large: 4,
  xlarge: 8,
};

export function normalizationFactor(instanceType: string): number {
  const size = instanceType.split(".")[1] ?? "";
  const known = FACTOR[size];
  if (known !== undefined) return known;
  const multiple = /^(\d+)xlarge$/.exec(size);
  return multiple ? 8 * Number(multiple[1]) : 192;
}

const HOUR_MS = 60 * 60 * 1000;

/** Hours counted for an instance that came up at `from` and runs until `to` (now, or the cluster's end). */
export function hoursCounted(from: number, to: number): number {
  return Math.ceil(Math.max(1, to - from) / HOUR_MS);
}
