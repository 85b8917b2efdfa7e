/**
 * What an invalid ARN's issue says is wrong with it, word for word: the one thing that is wrong, among the role
 * ARN's and the KMS key ARN's parts (partition, service, region, account, resource, name, path, key id, alias), and
 * the counts that broke a limit. A user fixes what the message names, so a near miss must name its own part — an
 * empty role name is not "characters other than letters", a resource of another kind is not "an empty key id".
 * Also the counted words of the other rules' messages (how many steps follow a terminating step, how many would
 * be active) and a command line's suggested words.
 */
import { validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { KEY, ROLE, request, step, withMonitoring } from "./requests.js";

const roleProblem = (arn: string) =>
  validate(request([step()], { ExecutionRoleArn: arn })).issues.find((i) => i.code === "invalid-arn")?.message;
const keyProblem = (arn: string) =>
  validate(withMonitoring({ LogUri: "s3://logs/a/", EncryptionKeyArn: arn })).issues.find(
    (i) => i.code === "invalid-kms-key-arn",
  )?.message;
const after = (message: string | undefined) => message?.replace(/^.*?, but is .*?: (?=it|an )/, "");

describe("an invalid role ARN's message names what is wrong", () => {
  const account = "arn:aws:iam::123456789012";
  it.each([
    ["arn:aws:s3:::bucket/role/x", 'its service is "s3", not iam'],
    ["arn:aws:iam:us-east-1:123456789012:role/x", "an IAM ARN has no region"],
    [`${account}:user/x`, "it names no role (role/<name>)"],
    [`${account}:role/`, "its role name is empty"],
    [`${account}:role/path/`, "its role name is empty"],
    [`${account}:role/${"r".repeat(65)}`, "its role name is 65 characters, at most 64"],
    [`${account}:role/a b`, "its role name has characters other than letters, digits and _+=,.@-"],
    [`${account}:role/${"p".repeat(512)}/x`, "its path is 514 characters, at most 512"],
    [`${account}:role/a b/x`, "its path has a space or a character outside printable ASCII"],
  ])("%s: %s", (arn, problem) => {
    expect(after(roleProblem(arn))).toBe(problem);
  });

  it("the whole message: what a role ARN is, the value, and the problem", () => {
    expect(roleProblem(`${account}:role/`)).toBe(
      `must be an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), but is "${account}:role/": its role name is empty`,
    );
    expect(roleProblem(ROLE)).toBeUndefined();
  });
});

describe("an invalid KMS key ARN's message names what is wrong", () => {
  const prefix = "arn:aws:kms:us-east-1:123456789012";
  it.each([
    [`${prefix}:alias/${"a".repeat(251)}`, "its alias is 257 characters, at most 256"],
    [`${prefix}:alias/`, "its alias name is empty or has characters other than A–Z, a–z, 0–9, /, _ and -"],
    [`${prefix}:alias/a.b`, "its alias name is empty or has characters other than A–Z, a–z, 0–9, /, _ and -"],
    [`${prefix}:grant/x`, "it names no key (key/<id> or alias/<name>)"],
    [`${prefix}:keys/x`, "it names no key (key/<id> or alias/<name>)"],
    [`${prefix}:key/`, "its key id is empty or has characters other than letters, digits and -"],
    [`${prefix}:key/a_b`, "its key id is empty or has characters other than letters, digits and -"],
  ])("%s: %s", (arn, problem) => {
    expect(after(keyProblem(arn))).toBe(problem);
  });

  it("the whole message: what a key ARN is, the value, and the problem", () => {
    expect(keyProblem(`${prefix}:key/`)).toBe(
      `must be a KMS key ARN (arn:<partition>:kms:<region>:<12-digit account>:key/<id>), but is "${prefix}:key/": its key id is empty or has characters other than letters, digits and -`,
    );
    expect(keyProblem(KEY)).toBeUndefined();
  });
});

describe("the other rules' messages and suggestions", () => {
  it("a command line in one argument is suggested as its words, without the white space at its ends", () => {
    const input = request([
      step("a", { HadoopJarStep: { Jar: "command-runner.jar", Args: ["  spark-submit \t app.py\n"] } }),
    ]);
    const issue = validate(input).issues.find((i) => i.code === "command-line-in-one-arg");
    expect(issue && "suggestion" in issue ? issue.suggestion : undefined).toBe("spark-submit app.py");
  });

  it("an invalid LogUri's message says what an S3 URI is", () => {
    const issue = validate(withMonitoring({ LogUri: "s3://a..b/x" })).issues.find((i) => i.code === "invalid-s3-uri");
    expect(issue?.message).toBe(
      'must be an S3 URI (s3://<bucket>/<prefix>, or s3n:// or s3a://, the bucket named by S3\'s rules: 3–63 lower-case letters, digits, dots and hyphens, a letter or digit first and last, no "..", not an IP address), but is "s3://a..b/x"',
    );
  });

  it("one step after a terminating step is one step, not steps", () => {
    const input = request([step("a", { ActionOnFailure: "TERMINATE_CLUSTER" }), step("b")]);
    const issue = validate(input).issues.find((i) => i.code === "steps-after-terminate");
    expect(issue?.message).toBe("is TERMINATE_CLUSTER, but 1 more step follows; if this step fails they never run");
  });

  it("the active steps a request would make: those on the cluster plus those sent", () => {
    const input = request([step("a"), step("b"), step("c")]);
    const issue = validate(input, { activeSteps: 254 }).issues.find((i) => i.code === "too-many-steps");
    expect(issue?.message).toBe(
      "would make 257 active steps (254 PENDING or RUNNING + 3), but a cluster may hold at most 256 (MAX_ACTIVE_STEPS)",
    );
  });
});
