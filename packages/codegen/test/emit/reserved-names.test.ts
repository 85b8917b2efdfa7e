/**
 * Shape names TypeScript cannot declare (`string`, `boolean`) or that the output itself uses (`Date`, the support
 * module's `Validator` and `Predicate`, the prelude's `DocumentValue`) are renamed, the same way every time, never
 * onto another shape's name, and the model's name stays in the docs (issue 16, section 3).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { typeName } from "../../src/emit/type-names.js";
import { generateFrom, loadModelText } from "../../src/index.js";
import { compileStrict } from "../helpers/compile-strict.js";
import { tempDir } from "../helpers/temp-dir.js";

const temp = tempDir("emrkit-codegen-names-");

const NAMES = [
  "string",
  "boolean",
  "number",
  "Predicate",
  "Validator",
  "Date",
  "Date_",
  "DocumentValue",
  "check",
  "validators",
  "PATTERN0",
];

const model = JSON.stringify({
  metadata: { serviceId: "Names", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Names" },
  operations: { Put: { name: "Put", input: { shape: "PutInput" } } },
  shapes: {
    PutInput: {
      type: "structure",
      members: Object.fromEntries(NAMES.map((n, i) => [`M${i}`, { shape: n }])),
    },
    string: { type: "string", documentation: "<p>A string shape.</p>" },
    boolean: { type: "boolean" },
    number: { type: "integer" },
    Predicate: { type: "structure", members: { Test: { shape: "string" } } },
    Validator: { type: "string", enum: ["a", "b"] },
    Date: { type: "timestamp" },
    Date_: { type: "string" },
    DocumentValue: { type: "list", member: { shape: "string" } },
    check: { type: "map", key: { shape: "string" }, value: { shape: "boolean" } },
    validators: { type: "string", enum: ["x"] },
    PATTERN0: { type: "string", pattern: "[a-z]+" },
  },
});

test("reserved shape names are renamed injectively, and the output compiles under strict tsc", () => {
  const renamed = NAMES.map(typeName);
  expect(renamed).toEqual([
    "string_",
    "boolean_",
    "number_",
    "Predicate_",
    "Validator_",
    "Date_",
    "Date__",
    "DocumentValue_",
    "check_",
    "validators_",
    "PATTERN0_",
  ]);
  expect(new Set(renamed).size).toBe(NAMES.length);
  const files = generateFrom(loadModelText(model, "names.service-2.json"));
  for (const [file, text] of files) {
    mkdirSync(dirname(join(temp, file)), { recursive: true });
    writeFileSync(join(temp, file), text);
  }
  writeFileSync(join(temp, "package.json"), '{ "type": "module" }\n');
  expect(compileStrict(temp, [...files.keys()])).toEqual([]);
  const types = files.get("types.generated.ts")!;
  expect(types).toContain("export type string_ = string;");
  expect(types).toContain("Model shape `string` (renamed: the name is reserved in TypeScript output).");
  // The docs and the registries speak the model's names.
  expect(files.get("validators.generated.ts")).toContain('"string": validatestring_,');
  expect(files.get("docs/Put.md")).toContain("#### M0");
});

test("a Smithy model's shapes get the same names as botocore's", () => {
  const smithy = JSON.stringify({
    smithy: "2.0",
    shapes: {
      "ex#Names": { type: "service", version: "2030-01-01", traits: { "aws.protocols#awsJson1_1": {} } },
      "ex#boolean": { type: "boolean" },
      "ex#Validator": {
        type: "enum",
        members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a" } } },
      },
      "ex#Date_": { type: "string" },
    },
  });
  const types = generateFrom(loadModelText(smithy, "names.json"), ["types"]).get("types.generated.ts")!;
  expect(types).toContain("export type boolean_ = boolean;");
  expect(types).toContain("export const Validator_ = {");
  expect(types).toContain("export type Date__ = string;");
});
