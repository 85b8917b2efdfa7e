/**
 * Requests the emulator must refuse: a valid ListSteps, DescribeStep or RunJobFlow (AddJobFlowSteps comes from
 * `@emrkit/dsl/testing`'s `requestWithOneViolation`) with exactly one field made wrong, and the error name each
 * must give. Every mutation here is wrong whatever the field: a missing required member, a value of the wrong
 * type (deep nesting among them), a member the shape does not have (`__proto__` and `constructor` among them), an
 * enum value EMR does not define, a string with a character outside the model's XML pattern or longer than any
 * limit.
 */
import { validSteps, xmlString } from "@emrkit/dsl/testing";
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Targets {
  cluster: string;
  steps: readonly string[];
}

export interface NearValid {
  operation: string;
  body: Json;
  /** The kind of mistake, for the figures. */
  kind: "unknown member" | "missing member" | "not in the enum" | "outside the pattern" | "too long" | "wrong type";
  /** What was broken, at which path: for the failure message. */
  mutation: string;
  expected: "ValidationException" | "InvalidRequestException";
}

const STEP_STATES = ["PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"];

/** Valid bodies, on the seeded cluster and its steps: the control test sends them and gets 200. */
export function validBodies(t: Targets): fc.Arbitrary<{ operation: string; body: Json }> {
  const listSteps = fc.record(
    {
      ClusterId: fc.constant(t.cluster),
      StepStates: fc.uniqueArray(fc.constantFrom(...STEP_STATES), { maxLength: 3 }),
      StepIds: fc.uniqueArray(fc.constantFrom(...t.steps), { maxLength: t.steps.length }),
      Marker: fc.nat({ max: 3 }).map(String),
    },
    { requiredKeys: ["ClusterId"] },
  );
  const describeStep = fc.record({ ClusterId: fc.constant(t.cluster), StepId: fc.constantFrom(...t.steps) });
  const runJobFlow = fc.record(
    {
      Name: xmlString({ maxLength: 30 }),
      Instances: fc.record({ KeepJobFlowAliveWhenNoSteps: fc.boolean() }, { requiredKeys: [] }),
      ReleaseLabel: fc.constantFrom("emr-7.0.0", "emr-6.15.0"),
      StepConcurrencyLevel: fc.integer({ min: 1, max: 256 }),
      // Only CONTINUE: the control test's clusters must not terminate because a random jar fails to start.
      Steps: validSteps({ maxLength: 2 }).map((steps) => steps.map((s) => ({ ...s, ActionOnFailure: "CONTINUE" }))),
    },
    { requiredKeys: ["Name", "Instances"] },
  );
  return fc.oneof(
    listSteps.map((body) => ({ operation: "ListSteps", body: body as Json })),
    describeStep.map((body) => ({ operation: "DescribeStep", body: body as Json })),
    runJobFlow.map((body) => ({ operation: "RunJobFlow", body: body as unknown as Json })),
  );
}

/**
 * A value nested up to 100,000 levels deep, as arrays or objects. JSON.stringify overflows the stack at a few
 * thousand, so the value is a marker that `toJsonText` expands.
 */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom("arrays", "objects"))
  .map(([depth, form]): Json => `@@deep:${form}:${depth}@@`);

/** The body's JSON text, deep markers expanded. */
export function toJsonText(body: Json): string {
  return JSON.stringify(body).replace(/"@@deep:(arrays|objects):(\d+)@@"/g, (_, form: string, depth: string) => {
    const n = Number(depth);
    return form === "arrays" ? `${"[".repeat(n)}1${"]".repeat(n)}` : `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;
  });
}

/** A string no XML-patterned field accepts: a control character or a lone surrogate somewhere in it. */
export const outsidePattern = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\ud800", "\udfff", "\ufffe", "\uffff"),
    fc.string({ maxLength: 20 }),
  )
  .map((parts) => parts.join(""));

/** Longer than every string limit of the model (XmlString: 10,280), up to a quarter of the body limit. */
export const overLong = fc
  .tuple(fc.integer({ min: 10_281, max: 250_000 }), fc.constantFrom("x", "é", "😀"))
  .map(([n, ch]) => ch.repeat(n));

const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant<Json>({}),
  fc.constant<Json>([]),
  fc.constant<Json>([[]]),
  deeplyNested,
);

const strangeKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"),
  fc.string({ minLength: 1, maxLength: 12 }).map((k) => `x-${k}`),
);

type Path = (string | number)[];
type Node = { path: Path; value: Json };

const isRecord = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isDeep = (v: Json) => typeof v === "string" && v.startsWith("@@deep:");
const kind = (v: Json) =>
  isDeep(v) ? `${String(v).split(":")[2]} deep` : Array.isArray(v) ? "array" : v === null ? "null" : typeof v;

/** Every node of a body (objects and arrays too), with its path. */
function nodes(value: Json, path: Path = []): Node[] {
  const children = Array.isArray(value)
    ? value.flatMap((v, i) => nodes(v, [...path, i]))
    : isRecord(value)
      ? Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))
      : [];
  return [{ path, value }, ...children];
}

function at(body: Json, path: Path): Json | undefined {
  let node: Json | undefined = body;
  for (const key of path) node = (node as Record<string | number, Json> | undefined)?.[key];
  return node;
}

/** Sets (or, with `undefined`, deletes) the member at `path` of a deep copy; keys are own keys, even `__proto__`. */
function withValue(body: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(body);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const show = (path: Path) =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "") || "request";

/** A value of another kind than `value` (an empty list is still a list, so it does not count). */
function otherKind(value: Json, bad: Json): Json {
  // Deep arrays hold arrays where a list holds strings or structures; deep objects have a member "a": wrong anyway.
  if (isDeep(bad)) return bad;
  if (kind(bad) !== kind(value)) return bad;
  if (Array.isArray(bad) && bad.length > 0) return bad;
  return typeof value === "number" ? "wrong" : 42;
}

/** Fields without the XML pattern or a length limit: a strange string there is an unknown id, not a bad shape. */
const ID_FIELDS = new Set(["ClusterId", "StepId"]);
const REQUIRED: Record<string, RegExp> = {
  ListSteps: /^ClusterId$/,
  DescribeStep: /^(ClusterId|StepId)$/,
  RunJobFlow: /^(Name|Instances|Steps\.\d+\.(Name|HadoopJarStep)|Steps\.\d+\.HadoopJarStep\.Jar)$/,
};
const ENUMS = /^(StepStates\.\d+|Steps\.\d+\.ActionOnFailure)$/;

/** One valid body made wrong in one place, and the error it must get. */
export function nearValid(t: Targets): fc.Arbitrary<NearValid> {
  return fc
    .tuple(validBodies(t), fc.nat(), fc.nat({ max: 5 }), wrongType, strangeKey, outsidePattern, overLong)
    .map(([{ operation, body }, pick, how, badValue, key, badText, longText]): NearValid => {
      const all = nodes(body);
      const { path, value } = all[pick % all.length]!;
      const dotted = path.join(".");
      const field = String(path[path.length - 1]);
      const made = (
        kind: NearValid["kind"],
        mutation: string,
        b: Json,
        expected: NearValid["expected"] = "ValidationException",
      ): NearValid => ({ operation, body: b, kind, mutation, expected });
      if (isRecord(value) || how === 0) {
        // The nearest object at or above the node gets a member its shape does not have.
        let host = path;
        while (!isRecord(at(body, host))) host = host.slice(0, -1);
        return made(
          "unknown member",
          `unknown member ${JSON.stringify(key)} in ${show(host)}`,
          withValue(body, [...host, key], badValue),
        );
      }
      if (how === 1 && REQUIRED[operation]!.test(dotted)) {
        return made("missing member", `missing ${show(path)}`, withValue(body, path, undefined));
      }
      if (how === 2 && ENUMS.test(dotted)) {
        return made("not in the enum", `not an enum value at ${show(path)}`, withValue(body, path, "NOT_AN_EMR_VALUE"));
      }
      if (typeof value === "string" && (how === 3 || how === 4) && field !== "Marker") {
        const text = how === 3 ? badText : longText;
        // ClusterId has only a 256 limit and StepId none: such a value is a well-formed id of nothing.
        const unknownId = ID_FIELDS.has(field) && (how === 3 || field === "StepId");
        const what = how === 3 ? "a character outside the XML pattern" : `${text.length} UTF-16 units`;
        return made(
          how === 3 ? "outside the pattern" : "too long",
          `${what} at ${show(path)}`,
          withValue(body, path, text),
          unknownId ? "InvalidRequestException" : "ValidationException",
        );
      }
      const bad = otherKind(value, badValue);
      return made(
        "wrong type",
        `a ${kind(bad)} instead of a ${kind(value)} at ${show(path)}`,
        withValue(body, path, bad),
      );
    });
}
