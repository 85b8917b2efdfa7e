/**
 * LogUri at every edge of S3's bucket naming rules (S3 User Guide, "General purpose bucket naming rules"), the
 * legacy names S3 still serves (a warning), and "" (no LogUri: the cluster's logging applies).
 */
import { boundaryTable } from "./boundary-table.js";
import { LOG_URI_PATH, withMonitoring } from "./requests.js";

const log = (uri: string) => withMonitoring({ LogUri: uri });
const ok: string[] = [];
const bad = [`invalid-s3-uri@${LOG_URI_PATH}`];
const legacy = [`legacy-s3-bucket-name@${LOG_URI_PATH}`];

boundaryTable(
  "invalid-s3-uri",
  [
    { edge: "at the limit", what: "a bucket of 3 characters", input: log("s3://abc/logs/"), expected: ok },
    {
      edge: "at the limit",
      what: "a bucket of 63 characters",
      input: log(`s3://${"b".repeat(63)}/logs/`),
      expected: ok,
    },
    { edge: "one over", what: "a bucket of 2 characters", input: log("s3://ab/logs/"), expected: bad },
    {
      edge: "one over",
      what: "a bucket of 64 characters (a legacy name)",
      input: log(`s3://${"b".repeat(64)}/`),
      expected: legacy,
    },
    {
      edge: "at the limit",
      what: "a legacy bucket of 255 characters",
      input: log(`s3://${"B".repeat(255)}/`),
      expected: legacy,
    },
    { edge: "one over", what: "a bucket of 256 characters", input: log(`s3://${"b".repeat(256)}/`), expected: bad },
    {
      edge: "empty",
      what: "an empty LogUri, which leaves the cluster's logging in place",
      input: log(""),
      expected: ok,
    },
    { edge: "empty", what: "an empty bucket", input: log("s3:///logs/"), expected: bad },
    { edge: "empty", what: "the scheme alone", input: log("s3://"), expected: bad },
    { edge: "empty", what: "no key at all", input: log("s3://logs-bucket"), expected: ok },
    { edge: "astral", what: "an astral character in the bucket", input: log("s3://😀😀😀/"), expected: bad },
    { edge: "astral", what: "an astral character in the key", input: log("s3://logs-bucket/😀/"), expected: ok },
    { edge: "whitespace", what: "a space in the bucket", input: log("s3://logs bucket/"), expected: bad },
    { edge: "whitespace", what: "a space before the URI", input: log(" s3://logs-bucket/"), expected: bad },
    { edge: "whitespace", what: "a space in the key", input: log("s3://logs-bucket/a b/"), expected: ok },
    { edge: "dots", what: "dots between labels", input: log("s3://logs.example.com/x"), expected: ok },
    { edge: "dots", what: "two adjacent periods", input: log("s3://my..bucket/x"), expected: bad },
    { edge: "dots", what: "an IP address", input: log("s3://192.168.1.1/x"), expected: bad },
    { edge: "dots", what: "three numbers, not an IP address", input: log("s3://192.168.1/x"), expected: ok },
    { edge: "ends", what: "a hyphen first", input: log("s3://-logs/x"), expected: bad },
    { edge: "ends", what: "a dot last", input: log("s3://logs./x"), expected: bad },
    { edge: "reserved", what: "the xn-- prefix", input: log("s3://xn--logs/x"), expected: bad },
    { edge: "reserved", what: "the sthree- prefix", input: log("s3://sthree-logs/x"), expected: bad },
    { edge: "reserved", what: "the amzn-s3-demo- prefix", input: log("s3://amzn-s3-demo-logs/x"), expected: bad },
    { edge: "reserved", what: "an access point alias", input: log("s3://my-ap-abc123-s3alias/x"), expected: ok },
    { edge: "legacy", what: "upper-case letters", input: log("s3://MyLogs/x"), expected: legacy },
    { edge: "legacy", what: "an underscore", input: log("s3://my_logs/x"), expected: legacy },
    { edge: "legacy", what: "upper case with two adjacent periods", input: log("s3://My..Logs/x"), expected: bad },
    { edge: "scheme", what: "https", input: log("https://logs.example.com/"), expected: bad },
    // "Previously, Amazon EMR used the s3n and s3a file systems. While both still work, …" (Management Guide, "Work
    // with storage and file systems"): the bucket is judged the same.
    { edge: "scheme", what: "s3n://", input: log("s3n://logs-bucket/x"), expected: ok },
    { edge: "scheme", what: "s3a://", input: log("s3a://logs-bucket/x"), expected: ok },
    { edge: "scheme", what: "s3a:// with a bad bucket", input: log("s3a://my..bucket/x"), expected: bad },
    { edge: "scheme", what: "s3n:// with a legacy bucket", input: log("s3n://My_Logs/x"), expected: legacy },
    { edge: "scheme", what: "s3n:// after an s3:// of the same bucket", input: log("s3n://abc/x"), expected: ok },
    { edge: "scheme", what: "s3a:// with a legacy bucket", input: log("s3a://My_S3a_Logs/x"), expected: legacy },
    { edge: "scheme", what: "no scheme, a bucket alone", input: log("analytics-logs/steps/"), expected: bad },
    // Without a key the bucket runs to the end: "logs-1" whole is valid, "logs-" (one short) would not be.
    { edge: "empty", what: "no key, not even a slash", input: log("s3://logs-1"), expected: ok },
    { edge: "scheme", what: "another Hadoop scheme", input: log("s3x://logs-bucket/x"), expected: bad },
    { edge: "scheme", what: "s3bfs://", input: log("s3bfs://logs-bucket/x"), expected: bad },
    { edge: "scheme", what: "an upper-case scheme", input: log("S3://logs-bucket/"), expected: bad },
    { edge: "scheme", what: "one slash", input: log("s3:/logs-bucket/"), expected: bad },
    { edge: "characters", what: "a non-ASCII letter", input: log("s3://bück/"), expected: bad },
  ],
  ["invalid-s3-uri", "legacy-s3-bucket-name"],
);
