/**
 * The ARN parser's parts, held to the whole text: a partition is `aws` or `aws-…` from its first letter, not a word
 * that ends so; a region is two letters first, not a longer word that ends like one; fewer than five colons is no
 * ARN. And cluster-state's message names the state and every state in which steps can be added.
 */
import { kmsKeyArnProblem, parseArn, roleArnProblem, STEP_ADDABLE_CLUSTER_STATES, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const key = (partition: string, region: string) => `arn:${partition}:kms:${region}:123456789012:key/1234abcd`;
const role = (partition: string) => `arn:${partition}:iam::123456789012:role/steps`;

describe("an ARN's partition", () => {
  it.each(["notaws", "xaws-cn", "naws-us-gov", "AWS", " aws"])("refuses %j, which only ends like a partition", (p) => {
    expect(parseArn(role(p))).toBeUndefined();
    expect(roleArnProblem(role(p))).toBe("it is not an ARN of a known partition (arn:<partition>:<service>:…)");
    expect(kmsKeyArnProblem(key(p, "us-east-1"))).toBe("it is not an ARN of a known partition (arn:<partition>:kms:…)");
  });

  it.each(["aws", "aws-cn", "aws-us-gov"])("takes %j", (p) => {
    expect(roleArnProblem(role(p))).toBeUndefined();
    expect(kmsKeyArnProblem(key(p, "us-east-1"))).toBeUndefined();
  });
});

describe("a KMS key ARN's region", () => {
  it.each(["useast-east-1", "abc-east-1", "1us-east-1", "u-east-1", "us-east-1 ", "us-east-"])(
    "refuses %j",
    (region) => {
      expect(kmsKeyArnProblem(key("aws", region))).toBe("its region is not one (us-east-1, cn-north-1, …)");
    },
  );

  it.each(["us-east-1", "us-gov-west-1", "cn-north-1", "us-isob-east-1"])("takes %j", (region) => {
    expect(kmsKeyArnProblem(key("aws", region))).toBeUndefined();
  });
});

describe("parseArn", () => {
  it.each(["arn:", "arn:aws", "arn:aws:kms", "arn:aws:kms:us-east-1", "arn:aws:kms:us-east-1:123456789012"])(
    "finds no ARN in %j, which has fewer than five colons",
    (text) => {
      expect(parseArn(text)).toBeUndefined();
    },
  );

  it("finds no ARN in a text with the five colons that does not start with arn:", () => {
    expect(parseArn("urn:aws:iam::123456789012:role/steps")).toBeUndefined();
    expect(roleArnProblem("urn:aws:iam::123456789012:role/steps")).toMatch(/^it is not an ARN/);
  });

  it("splits the five colons, the resource keeping its own", () => {
    expect(parseArn("arn:aws-cn:s3:::bucket:odd/key")).toEqual({
      partition: "aws-cn",
      service: "s3",
      region: "",
      account: "",
      resource: "bucket:odd/key",
    });
  });
});

describe("cluster-state's message", () => {
  it("names the cluster's state and every state that takes steps", () => {
    const issue = validate({ JobFlowId: "j-1", Steps: [] }, { clusterState: "TERMINATED" }).issues.find(
      (i) => i.code === "cluster-state",
    );
    expect(issue?.message).toBe(
      `names a cluster in state TERMINATED, but steps can be added only in ${STEP_ADDABLE_CLUSTER_STATES.join(", ")}`,
    );
    expect(STEP_ADDABLE_CLUSTER_STATES).toEqual(["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"]);
  });
});
