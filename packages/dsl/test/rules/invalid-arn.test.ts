/** ExecutionRoleArn at every edge: the role name (1–64), the path (≤ 512), the partition, account and region. */
import { boundaryTable } from "./boundary-table.js";
import { request } from "./requests.js";

const role = (resource: string, head = "arn:aws:iam::123456789012") =>
  request(undefined, { ExecutionRoleArn: `${head}:${resource}` });
const ok: string[] = [];
const bad = ["invalid-arn@ExecutionRoleArn"];

boundaryTable("invalid-arn", [
  { edge: "at the limit", what: "a role name of 64 characters", input: role(`role/${"r".repeat(64)}`), expected: ok },
  { edge: "one over", what: "a role name of 65 characters", input: role(`role/${"r".repeat(65)}`), expected: bad },
  {
    edge: "at the limit",
    what: "a path of 512 characters",
    input: role(`role/${"p".repeat(510)}/r`),
    expected: ok,
  },
  { edge: "one over", what: "a path of 513 characters", input: role(`role/${"p".repeat(511)}/r`), expected: bad },
  { edge: "empty", what: "an empty role name (role/)", input: role("role/"), expected: bad },
  { edge: "empty", what: "an empty role name after the root path (role//)", input: role("role//"), expected: bad },
  { edge: "empty", what: "an empty role name after a path (role/a/)", input: role("role/a/"), expected: bad },
  { edge: "empty", what: "no resource at all", input: role(""), expected: bad },
  { edge: "empty", what: "an empty ARN", input: request(undefined, { ExecutionRoleArn: "" }), expected: bad },
  { edge: "empty", what: "an empty account", input: role("role/r", "arn:aws:iam::"), expected: bad },
  { edge: "astral", what: "an astral character in the role name", input: role("role/r😀"), expected: bad },
  { edge: "astral", what: "an astral character in the path", input: role("role/😀/r"), expected: bad },
  { edge: "whitespace", what: "a space in the role name", input: role("role/a b"), expected: bad },
  { edge: "whitespace", what: "a space in the path", input: role("role/a b/r"), expected: bad },
  {
    edge: "whitespace",
    what: "a space before the ARN",
    input: request(undefined, { ExecutionRoleArn: " arn:aws:iam::123456789012:role/r" }),
    expected: bad,
  },
  { edge: "whitespace", what: "a space after the ARN", input: role("role/r "), expected: bad },
  { edge: "name", what: "every character IAM allows in a name", input: role("role/Az09_+=,.@-"), expected: ok },
  { edge: "path", what: "a nested path", input: role("role/division_abc/subdivision_xyz/emr"), expected: ok },
  ...["aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"].map((partition) => ({
    edge: "partition",
    what: `the ${partition} partition`,
    input: role("role/r", `arn:${partition}:iam::123456789012`),
    expected: ok,
  })),
  {
    edge: "partition",
    what: "an unknown partition",
    input: role("role/r", "arn:nonsense:iam::123456789012"),
    expected: bad,
  },
  {
    edge: "partition",
    what: "arn:nonsense: alone",
    input: request(undefined, { ExecutionRoleArn: "arn:nonsense:" }),
    expected: bad,
  },
  {
    edge: "partition",
    what: "an upper-case partition",
    input: role("role/r", "arn:AWS:iam::123456789012"),
    expected: bad,
  },
  { edge: "account", what: "an 11-digit account", input: role("role/r", "arn:aws:iam::12345678901"), expected: bad },
  { edge: "account", what: "a 13-digit account", input: role("role/r", "arn:aws:iam::1234567890123"), expected: bad },
  {
    edge: "region",
    what: "a region, which IAM ARNs have none of",
    input: role("role/r", "arn:aws:iam:us-east-1:123456789012"),
    expected: bad,
  },
  {
    edge: "service",
    what: "an STS assumed-role ARN",
    input: role("assumed-role/r/session", "arn:aws:sts::123456789012"),
    expected: bad,
  },
  { edge: "resource", what: "a user, not a role", input: role("user/bob"), expected: bad },
  { edge: "resource", what: "role with a colon", input: role("role:r"), expected: bad },
]);
