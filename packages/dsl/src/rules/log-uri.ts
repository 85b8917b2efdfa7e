/**
 * How a LogUri stands: `s3://<bucket>[/<key>]`, the bucket judged by S3's naming rules (s3-bucket-name.ts), the
 * key anything. Only `s3://` is taken (not `s3n://` or `s3a://`): EMR documents LogUri as an S3 URI, and whether
 * it takes the Hadoop schemes for step logs is not said (a guess).
 */
import { type BucketNameVerdict, bucketNameVerdict } from "./s3-bucket-name.js";

export type LogUriVerdict = BucketNameVerdict;

// The last URI's verdict, since the two rules that read it (invalid-s3-uri, legacy-s3-bucket-name) ask one after
// the other; and a pattern for the last valid bucket, as steps log to one bucket under different keys. A literal
// prefix pattern was measured at a third of String.prototype.startsWith's cost, and of a general URI pattern's.
let lastUri: string | undefined;
let lastVerdict: LogUriVerdict = "valid";
let validBucket: RegExp | undefined;

export function logUriVerdict(uri: string): LogUriVerdict {
  if (uri === lastUri) return lastVerdict;
  lastUri = uri;
  lastVerdict = validBucket?.test(uri) === true ? "valid" : judge(uri);
  return lastVerdict;
}

function judge(uri: string): LogUriVerdict {
  if (!uri.startsWith("s3://")) return "invalid";
  const slash = uri.indexOf("/", 5);
  const bucket = slash < 0 ? uri.slice(5) : uri.slice(5, slash);
  const verdict = bucketNameVerdict(bucket);
  // A valid bucket has only a–z, 0–9, "." and "-": escaping the dots makes it a literal.
  if (verdict === "valid") validBucket = new RegExp(`^s3://${bucket.replaceAll(".", "\\.")}(?:/|$)`);
  return verdict;
}
