/**
 * What a submission token is made of, exactly (submission.ts): a keyed run is resumed by whatever process runs the
 * same request with the same key later, possibly another emrkit build, so the id and the fingerprint are fixed
 * functions of the key and of the request's content, written out here; and a token is read back only in the form
 * written, never from a look-alike another tool put in Properties. pure.test.ts has the round trips.
 */
import { createHash } from "node:crypto";
import type { StepConfig } from "@aws-sdk/client-emr";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newSubmission, readToken, TOKEN_PROPERTY, withToken } from "../src/internal/submission.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const etl: StepConfig = {
  Name: "etl",
  ActionOnFailure: "CONTINUE",
  HadoopJarStep: {
    Jar: "command-runner.jar",
    Args: ["spark-submit", "s3://bucket/app.py"],
    Properties: [{ Key: "k", Value: "v" }],
  },
};

describe("the id and the fingerprint, as any build computes them", () => {
  it("the id is the first 16 hex digits of SHA-256 over a fixed prefix and the key", () => {
    const key = "daily-etl/2026-11-24";
    expect(newSubmission([etl], undefined, key).id).toBe(sha256(`emrkit idempotency key\0${key}`).slice(0, 16));
  });

  it("different keys give different ids, for the same request", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(newSubmission([etl], undefined, a).id).not.toBe(newSubmission([etl], undefined, b).id);
      }),
    );
  });

  it("the fingerprint is the first 12 hex digits of SHA-256 over the request as JSON with sorted keys", () => {
    const steps =
      '[{"ActionOnFailure":"CONTINUE","HadoopJarStep":{"Args":["spark-submit","s3://bucket/app.py"],' +
      '"Jar":"command-runner.jar","Properties":[{"Key":"k","Value":"v"}]},"Name":"etl"}]';
    expect(newSubmission([etl], undefined, "k").fingerprint).toBe(
      sha256(`{"executionRoleArn":null,"steps":${steps}}`).slice(0, 12),
    );
    const role = "arn:aws:iam::123456789012:role/etl";
    expect(newSubmission([etl], role, "k").fingerprint).toBe(
      sha256(`{"executionRoleArn":${JSON.stringify(role)},"steps":${steps}}`).slice(0, 12),
    );
  });
});

/** The same value with every object's keys in another order, at every depth (arrays keep theirs). */
function reordered(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, order));
  if (typeof value !== "object" || value === null) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(object)).map((k) => [k, reordered(object[k], order)]));
}

const stepArbitrary: fc.Arbitrary<StepConfig> = fc.record(
  {
    Name: fc.string({ maxLength: 8 }),
    ActionOnFailure: fc.constantFrom("CONTINUE", "CANCEL_AND_WAIT", "TERMINATE_CLUSTER"),
    HadoopJarStep: fc.record(
      {
        Jar: fc.constantFrom("command-runner.jar", "s3://b/app.jar"),
        MainClass: fc.string({ maxLength: 6 }),
        Args: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
        Properties: fc.array(fc.record({ Key: fc.string({ maxLength: 4 }), Value: fc.string({ maxLength: 4 }) }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ["Jar"] },
    ),
  },
  { requiredKeys: ["Name", "HadoopJarStep"] },
) as fc.Arbitrary<StepConfig>;

describe("what the fingerprint depends on", () => {
  it("not on the order of any object's keys, at any depth", () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 3 }), (steps) => {
        const fingerprint = (s: StepConfig[]) => newSubmission(s, undefined, "key").fingerprint;
        const reversed = reordered(steps, (keys) => [...keys].reverse()) as StepConfig[];
        const rotated = reordered(steps, (keys) => [...keys.slice(1), ...keys.slice(0, 1)]) as StepConfig[];
        expect(fingerprint(reversed)).toBe(fingerprint(steps));
        expect(fingerprint(rotated)).toBe(fingerprint(steps));
      }),
    );
  });

  it("not on members set to undefined, which the SDK leaves out of the request", () => {
    const fingerprint = (s: StepConfig) => newSubmission([s], undefined, "key").fingerprint;
    const spelled: StepConfig = {
      ...etl,
      ActionOnFailure: undefined,
      HadoopJarStep: { ...etl.HadoopJarStep!, MainClass: undefined },
    };
    const { ActionOnFailure: _a, ...left } = etl;
    expect(fingerprint(spelled)).toBe(fingerprint(left));
    expect(fingerprint(spelled)).not.toBe(fingerprint(etl));
  });

  it("not on a token a step came with (a step copied from a ListSteps dump), whatever else its Properties hold", () => {
    const fingerprint = (s: StepConfig) => newSubmission([s], undefined, "key").fingerprint;
    const old = { Key: TOKEN_PROPERTY, Value: "0123456789abcdef.0123456789ab.0" };
    const own = etl.HadoopJarStep!.Properties!;
    const copied = (Properties: typeof own) => ({ ...etl, HadoopJarStep: { ...etl.HadoopJarStep!, Properties } });
    expect(fingerprint(copied([own[0]!, old]))).toBe(fingerprint(etl));
    expect(fingerprint(copied([old, own[0]!]))).toBe(fingerprint(etl));
    const { Properties: _p, ...bare } = etl.HadoopJarStep!;
    expect(fingerprint(copied([old]))).toBe(fingerprint({ ...etl, HadoopJarStep: bare }));
    expect(fingerprint(copied([]))).not.toBe(fingerprint({ ...etl, HadoopJarStep: bare }));
  });

  it("on the order of the steps and of each list, and on any value", () => {
    const fingerprint = (s: StepConfig[]) => newSubmission(s, undefined, "key").fingerprint;
    const other: StepConfig = { ...etl, Name: "other" };
    expect(fingerprint([etl, other])).not.toBe(fingerprint([other, etl]));
    const args = (Args: string[]) => ({ ...etl, HadoopJarStep: { ...etl.HadoopJarStep!, Args } });
    expect(fingerprint([args(["a", "b"])])).not.toBe(fingerprint([args(["b", "a"])]));
    expect(fingerprint([args(["ab"])])).not.toBe(fingerprint([args(["a", "b"])]));
  });
});

describe("reading a token back", () => {
  const summary = (value: string | undefined) => ({
    Id: "s-1",
    Config: { Jar: "command-runner.jar", Properties: value === undefined ? {} : { [TOKEN_PROPERTY]: value } },
  });

  it("takes exactly <16 hex digits>.<12 hex digits>.<an index of up to 9 digits>", () => {
    expect(readToken(summary("0123456789abcdef.0123456789ab.0"))).toEqual({
      id: "0123456789abcdef",
      fingerprint: "0123456789ab",
      index: 0,
    });
    expect(readToken(summary("fedcba9876543210.ba9876543210.123456789"))).toEqual({
      id: "fedcba9876543210",
      fingerprint: "ba9876543210",
      index: 123456789,
    });
  });

  it("is nobody's token in any other form", () => {
    for (const value of [
      "x0123456789abcdef.0123456789ab.0",
      "0123456789abcdef.0123456789ab.0x",
      "0123456789abcdef.0123456789ab.0\n",
      "0123456789abcde.0123456789ab.0",
      "0123456789abcdef0.0123456789ab.0",
      "0123456789abcdef.0123456789a.0",
      "0123456789abcdef.0123456789abc.0",
      "0123456789ABCDEF.0123456789ab.0",
      "0123456789abcdef.0123456789AB.0",
      "0123456789abcdeg.0123456789ab.0",
      "0123456789abcdef.0123456789ab.",
      "0123456789abcdef.0123456789ab.1234567890",
      "0123456789abcdef.0123456789ab.-1",
      "0123456789abcdef-0123456789ab-0",
      "",
    ]) {
      expect(readToken(summary(value)), JSON.stringify(value)).toBeUndefined();
    }
    expect(readToken(summary(undefined))).toBeUndefined();
    expect(readToken({ Id: "s-1" })).toBeUndefined();
  });
});

describe("the step as sent", () => {
  it("keeps its own properties in their order, and the token last", () => {
    const sent = withToken(etl, "0123456789abcdef.0123456789ab.3");
    expect(sent).toEqual({
      ...etl,
      HadoopJarStep: {
        ...etl.HadoopJarStep,
        Properties: [
          { Key: "k", Value: "v" },
          { Key: TOKEN_PROPERTY, Value: "0123456789abcdef.0123456789ab.3" },
        ],
      },
    });
    expect(etl.HadoopJarStep!.Properties).toEqual([{ Key: "k", Value: "v" }]);
  });

  it("gets a Properties list of its own when it had none", () => {
    const bare: StepConfig = { Name: "bare", HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] } };
    expect(withToken(bare, "t").HadoopJarStep).toEqual({
      Jar: "command-runner.jar",
      Args: ["true"],
      Properties: [{ Key: TOKEN_PROPERTY, Value: "t" }],
    });
  });
});
