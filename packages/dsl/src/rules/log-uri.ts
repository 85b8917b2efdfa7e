/**
 * How a LogUri stands: `s3://<bucket>[/<key>]`, the bucket judged by S3's naming rules (s3-bucket-name.ts), the
 * key anything. `s3n://` and `s3a://` are taken too, as EMR's file systems still take them: "Previously, Amazon
 * EMR used the s3n and s3a file systems. While both still work, we recommend that you use the s3 URI scheme"
 * (Management Guide, "Work with storage and file systems",
 * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-plan-file-systems.html). Nothing else: the scheme in
 * lower case, then "//".
 */
import { type BucketNameVerdict, bucketNameVerdict } from "./s3-bucket-name.js";

export type LogUriVerdict = BucketNameVerdict;

// A pattern for the last valid bucket, tried first, as steps log to one bucket under different keys (a literal
// prefix pattern was measured at a third of String.prototype.startsWith's cost, and of a general URI pattern's);
// and the last other URI's verdict, since the two rules that report on it (invalid-s3-uri, legacy-s3-bucket-name)
// ask one after the other.
let validBucket: RegExp | undefined;
let lastUri: string | undefined;
let lastVerdict: LogUriVerdict = "valid";

export function logUriVerdict(uri: string): LogUriVerdict {
  if (validBucket?.test(uri) === true) return "valid";
  if (uri === lastUri) return lastVerdict;
  lastUri = uri;
  lastVerdict = judge(uri);
  return lastVerdict;
}

function judge(uri: string): LogUriVerdict {
  const start = uri.startsWith("s3://") ? 5 : uri.startsWith("s3n://") || uri.startsWith("s3a://") ? 6 : 0;
  if (start === 0) return "invalid";
  const slash = uri.indexOf("/", start);
  const bucket = slash < 0 ? uri.slice(start) : uri.slice(start, slash);
  const verdict = bucketNameVerdict(bucket);
  // A valid bucket has only a–z, 0–9, "." and "-": escaping the dots makes it a literal.
  if (verdict === "valid") validBucket = new RegExp(`^s3[na]?://${bucket.replaceAll(".", "\\.")}(?:/|$)`);
  return verdict;
}
