/**
 * The ARN and bucket checks held to definitions written out plainly: S3's bucket naming bullets one by one (no
 * regular expression), and IAM role ARNs built part by part from what IAM allows.
 */
import { bucketNameVerdict, kmsKeyArnProblem, parseArn, roleArnProblem } from "@emrkit/dsl";
import { kmsKeyArn, roleArn } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

export const RUNS = 1_000;

/** S3 User Guide, General purpose bucket naming rules, bullet by bullet; legacy names as the rule takes them. */
function reference(name: string): "valid" | "legacy" | "invalid" {
  const isDigit = (c: string) => c >= "0" && c <= "9";
  const isLower = (c: string) => c >= "a" && c <= "z";
  const isUpper = (c: string) => c >= "A" && c <= "Z";
  const ends = (c: string | undefined, upper: boolean) =>
    c !== undefined && (isDigit(c) || isLower(c) || (upper && isUpper(c)));
  const chars = [...name];
  const ipLike =
    name.split(".").length === 4 && name.split(".").every((part) => part !== "" && [...part].every(isDigit));
  const shared =
    !name.includes("..") && !ipLike && !["xn--", "sthree-", "amzn-s3-demo-"].some((p) => name.startsWith(p));
  const current =
    name.length >= 3 &&
    name.length <= 63 &&
    chars.every((c) => isDigit(c) || isLower(c) || c === "." || c === "-") &&
    ends(chars[0], false) &&
    ends(chars.at(-1), false);
  const legacy =
    name.length >= 3 &&
    name.length <= 255 &&
    chars.every((c) => isDigit(c) || isLower(c) || isUpper(c) || c === "." || c === "-" || c === "_") &&
    ends(chars[0], true) &&
    ends(chars.at(-1), true);
  if (!shared) return "invalid";
  return current ? "valid" : legacy ? "legacy" : "invalid";
}

const nameChar = fc.constantFrom("a", "b", "z", "0", "9", ".", "-", "_", "A", "Q", " ", "é", "😀", "/");
const bucketName = fc.oneof(
  fc.string({ unit: nameChar, maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom("xn--", "sthree-", "amzn-s3-demo-", "", "1.2.3."),
      fc.string({ unit: nameChar, maxLength: 8 }),
    )
    .map(([p, s]) => p + s),
  fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)).map((parts) => parts.join(".")),
  fc.tuple(fc.integer({ min: 60, max: 260 }), fc.constantFrom("a", "B")).map(([n, c]) => c.repeat(n)),
);

describe("bucketNameVerdict", () => {
  it(`is S3's rules read bullet by bullet (${RUNS} names)`, () => {
    fc.assert(
      fc.property(bucketName, (name) => {
        expect(bucketNameVerdict(name)).toBe(reference(name));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("role and key ARNs", () => {
  it(`take every role ARN IAM allows, and parse into their parts (${RUNS} ARNs)`, () => {
    fc.assert(
      fc.property(roleArn, (arn) => {
        expect(roleArnProblem(arn)).toBeUndefined();
        const parts = parseArn(arn)!;
        expect(`arn:${parts.partition}:${parts.service}:${parts.region}:${parts.account}:${parts.resource}`).toBe(arn);
      }),
      { numRuns: RUNS },
    );
  });

  it(`refuse a role name with one character IAM does not allow (${RUNS} ARNs)`, () => {
    const bad = fc.constantFrom(" ", "/", ":", "*", "é", "😀", "\t", "#");
    fc.assert(
      fc.property(roleArn, bad, fc.nat(), (arn, c, at) => {
        const slash = arn.lastIndexOf("/");
        const name = arn.slice(slash + 1);
        const i = at % (name.length + 1);
        const broken = arn.slice(0, slash + 1) + name.slice(0, i) + c + name.slice(i);
        // A slash moves what is before it into the path (IAM's path pattern takes "//"): refused only when it leaves
        // the name empty.
        if (c === "/" && i < name.length) return;
        expect(roleArnProblem(broken)).not.toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it(`take every KMS key ARN of every partition, and refuse it in another service (${RUNS} ARNs)`, () => {
    fc.assert(
      fc.property(kmsKeyArn, (arn) => {
        expect(kmsKeyArnProblem(arn)).toBeUndefined();
        expect(kmsKeyArnProblem(arn.replace(":kms:", ":iam:"))).toContain("not kms");
        expect(roleArnProblem(arn)).not.toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
