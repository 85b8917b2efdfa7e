/**
 * How a bucket name stands with S3's naming rules (S3 User Guide, "General purpose bucket naming rules"): 3–63
 * characters of a–z, 0–9, `.` and `-`, a letter or digit first and last, no two adjacent periods, not an IP
 * address, not the reserved prefixes `xn--`, `sthree-` and `amzn-s3-demo-`. The reserved suffixes are not refused:
 * `-s3alias` and `--ol-s3` name access point aliases and `--x-s3` directory buckets, which S3 takes where a bucket
 * name goes.
 *
 * The same guide's note on legacy names: before 1 March 2018, buckets in us-east-1 could have up to 255 characters,
 * upper-case letters and underscores, and S3 still serves them. Such a name is `legacy` (a warning, not an error):
 * it is fine if the bucket exists. A guess at what real legacy names look like: the rest of today's rules (first
 * and last characters, periods, IP form) still hold for them, so `My..Logs` is an error.
 */

export type BucketNameVerdict = "valid" | "legacy" | "invalid";

const CURRENT = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const LEGACY = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"] as const;

export function bucketNameVerdict(name: string): BucketNameVerdict {
  const current = CURRENT.test(name);
  if (!current && !LEGACY.test(name)) return "invalid";
  if (name.includes("..") || IP_ADDRESS.test(name)) return "invalid";
  for (const prefix of RESERVED_PREFIXES) if (name.startsWith(prefix)) return "invalid";
  return current ? "valid" : "legacy";
}
