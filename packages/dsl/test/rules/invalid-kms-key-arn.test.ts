/** EncryptionKeyArn at every edge: partition, region, account, key id and alias name; "" means no key. */
import { boundaryTable } from "./boundary-table.js";
import { KEY_ARN_PATH, withMonitoring } from "./requests.js";

const key = (arn: string) => withMonitoring({ EncryptionKeyArn: arn });
const ok: string[] = [];
const bad = [`invalid-kms-key-arn@${KEY_ARN_PATH}`];
const ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

boundaryTable("invalid-kms-key-arn", [
  {
    edge: "at the limit",
    what: "an alias name of 256 characters",
    input: key(`arn:aws:kms:us-east-1:123456789012:alias/${"a".repeat(250)}`),
    expected: ok,
  },
  {
    edge: "one over",
    what: "an alias name of 257 characters",
    input: key(`arn:aws:kms:us-east-1:123456789012:alias/${"a".repeat(251)}`),
    expected: bad,
  },
  { edge: "empty", what: "an empty value, which leaves the cluster's logging in place", input: key(""), expected: ok },
  { edge: "empty", what: "an empty key id", input: key("arn:aws:kms:us-east-1:123456789012:key/"), expected: bad },
  { edge: "empty", what: "an empty alias", input: key("arn:aws:kms:us-east-1:123456789012:alias/"), expected: bad },
  { edge: "empty", what: "an empty region", input: key(`arn:aws:kms::123456789012:key/${ID}`), expected: bad },
  { edge: "empty", what: "an empty account", input: key(`arn:aws:kms:us-east-1::key/${ID}`), expected: bad },
  {
    edge: "astral",
    what: "an astral character in the key id",
    input: key("arn:aws:kms:us-east-1:123456789012:key/😀"),
    expected: bad,
  },
  {
    edge: "whitespace",
    what: "a space in the key id",
    input: key("arn:aws:kms:us-east-1:123456789012:key/a b"),
    expected: bad,
  },
  {
    edge: "whitespace",
    what: "a space after the ARN",
    input: key(`arn:aws:kms:us-east-1:123456789012:key/${ID} `),
    expected: bad,
  },
  {
    edge: "partition",
    what: "the aws partition",
    input: key(`arn:aws:kms:us-east-1:123456789012:key/${ID}`),
    expected: ok,
  },
  {
    edge: "partition",
    what: "the aws-cn partition",
    input: key(`arn:aws-cn:kms:cn-north-1:123456789012:key/${ID}`),
    expected: ok,
  },
  {
    edge: "partition",
    what: "the aws-us-gov partition",
    input: key(`arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/${ID}`),
    expected: ok,
  },
  {
    edge: "partition",
    what: "the aws-iso-b partition",
    input: key(`arn:aws-iso-b:kms:us-isob-east-1:123456789012:key/${ID}`),
    expected: ok,
  },
  {
    edge: "partition",
    what: "an unknown partition",
    input: key(`arn:nonsense:kms:us-east-1:123456789012:key/${ID}`),
    expected: bad,
  },
  {
    edge: "key",
    what: "a multi-Region key",
    input: key("arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"),
    expected: ok,
  },
  {
    edge: "key",
    what: "an alias ARN",
    input: key("arn:aws:kms:us-east-1:123456789012:alias/emr/logs_key-1"),
    expected: ok,
  },
  { edge: "key", what: "a bare alias, not an ARN", input: key("alias/logs"), expected: bad },
  { edge: "key", what: "a bare key id, not an ARN", input: key(ID), expected: bad },
  {
    edge: "region",
    what: "an upper-case region",
    input: key(`arn:aws:kms:US-EAST-1:123456789012:key/${ID}`),
    expected: bad,
  },
  { edge: "service", what: "an IAM ARN", input: key(`arn:aws:iam::123456789012:key/${ID}`), expected: bad },
  {
    edge: "resource",
    what: "a grant, not a key",
    input: key(`arn:aws:kms:us-east-1:123456789012:grant/${ID}`),
    expected: bad,
  },
]);
