/**
 * The JSON Schema says what the validators accept, and no schema can hang the validator that runs it (issue 16):
 * every schema compiles in ajv (strict, draft 2020-12); a pattern the validators run on the linear-time matcher is
 * left out of the schema with a `$comment`, so ajv, which backtracks, never meets it; the hostile PrometheusUrlString
 * value from the issue is answered at once; timestamps take their member's wire form and integers their width,
 * as the validators do.
 */
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { translatePattern } from "../../src/emit/patterns/translate-pattern.js";
import { emitSchemas, loadModelFile } from "../../src/index.js";
import { emitted } from "../helpers/emitted.js";
import { fixture } from "../helpers/fixtures.js";
import { type GeneratedValidators, importGenerated } from "../helpers/import-generated.js";
import { describeWithModels, MODELS_DIR, serviceModels } from "../helpers/models.js";

/** A hang guard, not a benchmark: with the pattern in the schema ajv takes about 9 s on this value. */
const GUARD_MS = 2_000;

function newAjv() {
  const ajv = new Ajv2020.default({ strict: true, allErrors: true });
  // Known, not asserted: ajv asserts formats only with ajv-formats, which the schemas do not need.
  ajv.addFormat("date-time", true);
  return ajv;
}

type Json = unknown;

/** Every value of `key` anywhere in a JSON value. */
function valuesOf(node: Json, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) valuesOf(item, key, out);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      valuesOf(v, key, out);
    }
  return out;
}

describeWithModels("the schemas of every model in models/", serviceModels(), () => {
  test.each(serviceModels().map((path) => [path.slice(MODELS_DIR.length), path]))(
    "%s: every schema compiles in ajv; no pattern the validators run on the linear-time matcher is in one",
    (_label, path) => {
      const service = loadModelFile(path);
      const ajv = newAjv();
      const schemas = [...emitSchemas(service).values()].map((text) => JSON.parse(text) as Json);
      for (const schema of schemas) expect(() => ajv.compile(schema as object)).not.toThrow();
      const patterns = new Set(schemas.flatMap((schema) => valuesOf(schema, "pattern")));
      const comments = schemas.flatMap((schema) => valuesOf(schema, "$comment")).join("\n");
      // The string shapes some request reaches: the ones the schemas describe.
      const described = new Set(schemas.flatMap((schema) => Object.keys((schema as { $defs: object }).$defs)));
      expect(described.size).toBeGreaterThan(0);
      for (const shape of service.shapes.values()) {
        if (shape.kind !== "string" || !shape.pattern || !described.has(shape.name)) continue;
        const plan = translatePattern(shape.pattern);
        if (plan.kind !== "linear") continue;
        expect(patterns.has(plan.source), shape.name).toBe(false);
        expect(comments).toContain(`pattern ${shape.pattern} is checked by the generated validators`);
      }
    },
    60_000,
  );

  test("emr-serverless PrometheusUrlString: the issue's hostile value does not hang ajv", () => {
    const path = serviceModels().find((p) => p.endsWith("botocore/emr-serverless-2021-07-13.service-2.json"))!;
    const service = loadModelFile(path);
    expect(translatePattern((service.shapes.get("PrometheusUrlString") as { pattern: string }).pattern).kind).toBe(
      "linear",
    );
    const ajv = newAjv();
    const [, text] = [...emitSchemas(service)].find(([, t]) => t.includes('"PrometheusUrlString": {'))!;
    const schema = JSON.parse(text) as { $id: string; $defs: Record<string, { pattern?: string; $comment?: string }> };
    expect(schema.$defs.PrometheusUrlString!.pattern).toBeUndefined();
    expect(schema.$defs.PrometheusUrlString!.$comment).toMatch(/linear-time matcher/);
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${schema.$id}#/$defs/PrometheusUrlString`)!;
    // Valid, 180-ish characters: 9 s for V8's backtracking on the model's pattern (issue 16, section 2).
    const hostile = `https://aps-workspaces.us-east-1.amazonaws${".com".repeat(30)}/workspaces/${"a.b-".repeat(25)}/api/v1/remote_write`;
    const started = performance.now();
    expect(validate(hostile)).toBe(true);
    expect(validate(`${hostile.slice(0, -1)}!`.repeat(30))).toBe(true); // within maxLength; the pattern is the validators'
    expect(performance.now() - started).toBeLessThan(GUARD_MS);
  });
});

describe("timestamps and integers: the schema accepts what the validators accept", () => {
  const service = loadModelFile(fixture("smithy-verdicts.json"));
  const emit = emitted(() => importGenerated(service));
  let generated: GeneratedValidators;
  let accepts: (member: string, value: unknown) => boolean;
  // Under Stryker each test needs its own validators (helpers/emitted.ts says why); elsewhere, one for the file.
  beforeEach(async () => {
    generated = await emit();
  });
  beforeAll(() => {
    const ajv = newAjv();
    const schema = JSON.parse(emitSchemas(service).get("schema/Send.schema.json")!) as object;
    const validate = ajv.compile(schema);
    accepts = (member, value) => validate({ [member]: value });
  });
  const validatorAccepts = (member: string, value: unknown) =>
    generated.check(generated.validators.SendInput!, { [member]: value }).length === 0;

  // [member (its format or width), value]; the calendar (2030-02-30) is the validators' alone: see below.
  test.each([
    ["When", 1_900_000_000],
    ["When", 1.5],
    ["When", -1],
    ["When", 8.64e12],
    ["When", 8.64e12 + 1],
    ["When", 1e300],
    ["When", "1900000000"],
    ["When", "2030-03-07T12:00:00Z"],
    ["WhenText", "2030-03-07T12:00:00Z"],
    ["WhenText", "2030-03-07T12:00:00.123+05:30"],
    ["WhenText", "2030-03-07 12:00:00Z"],
    ["WhenText", "March 7 2030"],
    ["WhenText", "1"],
    ["WhenText", 1_900_000_000],
    ["WhenHeader", "Thu, 07 Mar 2030 12:00:00 GMT"],
    ["WhenHeader", "Thu, 7 Mar 2030 12:00:00 GMT"],
    ["WhenHeader", "2030-03-07T12:00:00Z"],
    ["WhenHeader", 1_900_000_000],
    ["Count", 2 ** 31 - 1],
    ["Count", -(2 ** 31)],
    ["Count", 2 ** 31],
    ["Count", 2 ** 40],
    ["Count", 1.5],
    ["Level", -128],
    ["Level", 127],
    ["Level", 128],
    ["Level", -129],
    ["Total", 2 ** 53 - 1],
    ["Total", -(2 ** 53 - 1)],
    ["Total", 2 ** 53],
    ["Total", 2 ** 40],
  ])("%s = %j", (member, value) => {
    expect(accepts(member, value)).toBe(validatorAccepts(member, value));
  });

  test("what only the validators check: a day the calendar has, the weekday of an http-date", () => {
    // Said in the schema (`format: "date-time"`, and in the description); a pattern cannot count days.
    expect(validatorAccepts("WhenText", "2030-02-30T12:00:00Z")).toBe(false);
    expect(accepts("WhenText", "2030-02-30T12:00:00Z")).toBe(true);
    expect(validatorAccepts("WhenHeader", "Fri, 07 Mar 2030 12:00:00 GMT")).toBe(false);
  });
});
