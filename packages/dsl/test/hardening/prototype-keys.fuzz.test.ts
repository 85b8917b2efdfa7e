/**
 * Keys that name Object.prototype's members (`__proto__`, `constructor`, `prototype`, `toString`,
 * `hasOwnProperty`) put as own keys at random places of a request — on objects and on arrays, at any depth, with
 * hostile values — must be reported as what they are (`unknown-member` at their path, the reference's verdict),
 * never crash a check into a root-level `type` issue, and never touch the prototypes.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fromJson, redactValue, secret, validate, validateSteps } from "../../src/index.js";
import { FUZZ_RUNS } from "./fuzz-inputs.js";
import { referenceCheck } from "./reference-check.js";

const MODEL_CODES = new Set(["required", "type", "length", "pattern", "enum", "range", "unknown-member"]);
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"] as const;
// A registered secret sends every model issue through redaction, which reads the value back at the issue's path.
const PASSWORD = secret("prototype-keys-secret");

/** A valid request that reaches every object the model has: steps, jar step, properties, monitoring. */
function request(): Record<string, unknown> {
  const step = (name: string, jar: string) => ({
    Name: name,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: {
      Jar: jar,
      MainClass: "Main",
      Args: ["spark-submit", "--x"],
      Properties: [{ Key: "k", Value: "v" }],
    },
    StepMonitoringConfiguration: {
      S3MonitoringConfiguration: {
        LogUri: "s3://bucket/logs/",
        EncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc",
      },
    },
  });
  return {
    JobFlowId: "j-ABCDEFGHIJKLM",
    Steps: [step("a", "command-runner.jar"), step("constructor", "s3://b/x.jar")],
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/EMR",
  };
}

/** A value of any kind, some of them objects that themselves carry prototype-named keys. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(1, null, true, "", "x", "TERMINATE_CLUSTER", "command-runner.jar", PASSWORD),
    fc.array(tie("value"), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, "Name", "Jar"), tie("value"), { maxKeys: 2 }).map(ownKeys),
  ),
})).value;

/** A copy whose keys are all own data properties (`__proto__` included), as JSON.parse makes them. */
function ownKeys(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) define(out, key, item);
  return out;
}

function define(target: object, key: string, item: unknown): void {
  Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
}

/** Where to put each key: the n-th object or array of the request (in the order a walk meets them). */
const placements = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PROTOTYPE_KEYS), value), {
  minLength: 1,
  maxLength: 4,
});

function place(edits: readonly (readonly [number, string, unknown])[]): Record<string, unknown> {
  const root = request();
  for (const [pick, key, item] of edits) {
    const containers: object[] = [];
    const visit = (node: unknown) => {
      if (typeof node !== "object" || node === null) return;
      containers.push(node);
      for (const child of Object.values(node)) visit(child);
    };
    visit(root);
    // structuredClone: each placed value is fresh, so the request never shares (or cycles through) a node.
    define(containers[pick % containers.length]!, key, structuredClone(item));
  }
  return root;
}

function modelVerdict(issues: readonly { code: string; path: string }[]): string[] {
  return issues
    .filter((issue) => MODEL_CODES.has(issue.code))
    .map((issue) => `${issue.path} ${issue.code}`)
    .sort();
}

describe("prototype-named keys anywhere in a request", () => {
  const objectKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  const arrayKeys = Object.getOwnPropertyNames(Array.prototype).sort();
  let tried = 0;
  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(objectKeys);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayKeys);
    expect(Object.prototype.toString).toBe(Object.prototype.toString);
    expect(({} as Record<string, unknown>).Name).toBeUndefined();
    expect(({} as Record<string, unknown>).Jar).toBeUndefined();
    console.log(`prototype keys: ${tried} requests checked against the reference`);
  });

  it(`validate gives the reference's verdict at the right paths, on ${FUZZ_RUNS} requests`, () => {
    fc.assert(
      fc.property(placements, fc.boolean(), (edits, withContext) => {
        tried++;
        const input = place(edits);
        const context = withContext ? { stepConcurrencyLevel: 2, activeSteps: 250, clusterState: "WAITING" } : {};
        const expected = referenceCheck(input);
        const { ok, issues } = validate(input, context);
        expect(issues.filter((issue) => issue.path === "" && issue.code === "type")).toEqual([]);
        expect(modelVerdict(issues)).toEqual(expected);
        if (expected.length > 0) expect(ok).toBe(false);
        // The same steps alone: every model issue under Steps, at the same paths.
        const steps = validateSteps(input.Steps, context);
        expect(modelVerdict(steps.issues)).toEqual(expected.filter((entry) => entry.startsWith("Steps")));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`fromJson of the request as text gives the same verdict (JSON.parse makes own __proto__ keys), on ${FUZZ_RUNS} requests`, () => {
    fc.assert(
      fc.property(placements, (edits) => {
        const text = JSON.stringify(place(edits));
        // Arrays lose their own keys in JSON; the parsed request is what the reference judges.
        const parsed = JSON.parse(text) as unknown;
        expect(modelVerdict(fromJson(text).issues)).toEqual(referenceCheck(parsed));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it("a getter that throws a value with prototype-named keys gives the unreadable-input issue, never an exception", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_KEYS, "valueOf"), fc.boolean(), (key, asMessage) => {
        // `{ toString: 1 }` cannot become a string: describing what was thrown must not throw again.
        const thrown = ownKeys(key === "toString" ? { toString: 1, valueOf: 1 } : { [key]: 1, toString: 1 });
        const error = asMessage ? Object.assign(new Error("x"), { message: thrown }) : thrown;
        const throwing = () => {
          throw error;
        };
        const input = Object.defineProperty({ JobFlowId: "j-1" }, "Steps", { get: throwing, enumerable: true });
        const step = Object.defineProperty({ Name: "a" }, "HadoopJarStep", { get: throwing, enumerable: true });
        for (const result of [validate(input), validateSteps([step])]) {
          expect(result.ok).toBe(false);
          expect(result.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual([" type"]);
        }
      }),
    );
  });

  it("redactValue keeps every prototype-named key as an own key, its value redacted, the prototype unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_KEYS), (key) => {
        const input = JSON.parse(`{${JSON.stringify(key)}: {"a": ${JSON.stringify(PASSWORD)}}, "b": 1}`) as object;
        const out = redactValue(input) as Record<string, unknown>;
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        expect(Object.keys(out)).toEqual([key, "b"]);
        expect(Object.getOwnPropertyDescriptor(out, key)?.value).toEqual({ a: "***" });
      }),
    );
  });
});
