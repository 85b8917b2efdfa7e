/**
 * The releases ListReleaseLabels and DescribeReleaseLabel know, newest first, each with some of its applications: a
 * sample read from the EMR Release Guide ("Application versions in Amazon EMR 7.x releases", "Hive release
 * history", "Spark release history"), the version without EMR's `-amzn-N` build suffix, as DescribeCluster shows
 * it. Not every release and not every application: the emulator runs steps on this machine whatever the release
 * says, so these only answer the tools that ask. Names in lower case, as DescribeReleaseLabel lists them (seen).
 */
export const RELEASES: readonly { label: string; applications: Readonly<Record<string, string>> }[] = [
  { label: "emr-7.10.0", applications: { delta: "3.3.0", flink: "1.20.0", hive: "3.1.3", spark: "3.5.5" } },
  { label: "emr-7.9.0", applications: { delta: "3.3.0", flink: "1.20.0", hive: "3.1.3", spark: "3.5.5" } },
  { label: "emr-7.8.0", applications: { delta: "3.3.0", flink: "1.20.0", hive: "3.1.3", spark: "3.5.4" } },
  { label: "emr-7.2.0", applications: { delta: "3.1.0", flink: "1.18.1", hive: "3.1.3" } },
  { label: "emr-7.1.0", applications: { delta: "3.0.0", flink: "1.18.1", hive: "3.1.3", spark: "3.5.0" } },
  { label: "emr-7.0.0", applications: { delta: "3.0.0", flink: "1.18.0", spark: "3.5.0" } },
  { label: "emr-5.36.2", applications: { hive: "2.3.9" } },
];

/** The version of an application on a release, when the sample has it. */
export function applicationVersion(releaseLabel: unknown, application: unknown): string | undefined {
  const release = RELEASES.find((r) => r.label === releaseLabel);
  return release?.applications[String(application).toLowerCase()];
}
