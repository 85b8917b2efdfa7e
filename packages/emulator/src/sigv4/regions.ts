/**
 * The regions EMR has an endpoint in, by partition: the `elasticmapreduce` endpoints of botocore's endpoints.json
 * (botocore 1.43, `data/endpoints.json`), without the `fips-` pseudo-regions, whose requests are signed for the
 * region itself. A credential scope naming anything else is refused, as AWS refuses it ("Credential should be scoped
 * to a valid region"). A region AWS opens later needs adding here.
 */
const REGIONS_BY_PARTITION: Readonly<Record<string, readonly string[]>> = {
  aws: [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
  "aws-iso": ["us-iso-east-1", "us-iso-west-1"],
  "aws-iso-b": ["us-isob-east-1", "us-isob-west-1"],
  "aws-iso-e": ["eu-isoe-west-1"],
  "aws-iso-f": ["us-isof-east-1", "us-isof-south-1"],
  "aws-eusc": ["eusc-de-east-1"],
};

const PARTITION = new Map(
  Object.entries(REGIONS_BY_PARTITION).flatMap(([partition, regions]) => regions.map((r) => [r, partition] as const)),
);

/** The partition a region is in (`aws`, `aws-cn`, …), the first part of its ARNs; undefined for no real region. */
export function partitionOf(region: string): string | undefined {
  return PARTITION.get(region);
}
