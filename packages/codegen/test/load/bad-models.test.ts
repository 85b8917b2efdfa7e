/** Models the generator cannot read: each gets a ModelError naming the file and, where there is one, the shape. */
import { describe, expect, test } from "vitest";
import { loadModelText, ModelError } from "../../src/index.js";

const botocore = (shapes: Record<string, unknown>, operations: Record<string, unknown> = {}) =>
  JSON.stringify({ metadata: { apiVersion: "1", serviceId: "S", protocol: "json" }, operations, shapes });
const smithy = (shapes: Record<string, unknown>) =>
  JSON.stringify({
    smithy: "2.0",
    shapes: { "ex#S": { type: "service", version: "1", operations: [{ target: "ex#Op" }] }, ...shapes },
  });
const op = { "ex#Op": { type: "operation", input: { target: "ex#In" } } };

function errorOf(text: string): ModelError {
  try {
    loadModelText(text, "bad.json");
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error("the model loaded");
}

describe.each<[string, string, string | undefined, string]>([
  ["not JSON", '{ "shapes": ', undefined, "not valid JSON"],
  ["an unknown format", JSON.stringify({ openapi: "3.0.0", paths: {} }), undefined, "unknown model format"],
  ["Smithy 1.0", JSON.stringify({ smithy: "1.0", shapes: {} }), undefined, "Smithy version 1.0 is not supported"],
  [
    "botocore: a dangling member",
    botocore({ In: { type: "structure", members: { A: { shape: "Missing" } } } }),
    "In",
    "member A refers to Missing, which is not defined",
  ],
  [
    "botocore: a dangling operation input",
    botocore({}, { Op: { input: { shape: "Nope" } } }),
    "Op",
    "input refers to Nope",
  ],
  ["botocore: a shape of an unknown type", botocore({ A: { type: "strung" } }), "A", 'unknown shape type "strung"'],
  ["botocore: a shape that is not an object", botocore({ A: [] }), "A", "a shape must be a JSON object"],
  [
    "botocore: a required member that is not a member",
    botocore({ In: { type: "structure", required: ["B"], members: {} } }),
    "In",
    "required member B is not a member",
  ],
  [
    "Smithy: a dangling member",
    smithy({ ...op, "ex#In": { type: "structure", members: { A: { target: "ex#Missing" } } } }),
    "ex#In",
    "refers to ex#Missing, which is not defined",
  ],
  ["Smithy: a dangling operation", smithy({}), "ex#S", "refers to ex#Op, which is not defined"],
  [
    "Smithy: a shape of an unknown type",
    smithy({ ...op, "ex#In": { type: "strung" } }),
    "In",
    'unknown shape type "strung"',
  ],
  ["Smithy: a shape that is not an object", smithy({ ...op, "ex#In": 3 }), "ex#In", "a shape must be an object"],
  [
    "Smithy: a mixin cycle",
    smithy({
      ...op,
      "ex#In": { type: "structure", mixins: [{ target: "ex#M1" }], members: {} },
      "ex#M1": { type: "structure", mixins: [{ target: "ex#M2" }], members: {}, traits: { "smithy.api#mixin": {} } },
      "ex#M2": { type: "structure", mixins: [{ target: "ex#M1" }], members: {}, traits: { "smithy.api#mixin": {} } },
    }),
    "ex#M1",
    "mixins form a cycle",
  ],
  [
    "Smithy: an unknown prelude shape",
    smithy({ ...op, "ex#In": { type: "list", member: { target: "smithy.api#Strung" } } }),
    "ex#In",
    "smithy.api#Strung is not a Smithy prelude shape",
  ],
  [
    "Smithy: an intEnum value that is not a number",
    smithy({
      ...op,
      "ex#In": {
        type: "intEnum",
        members: { A: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "a" } } },
      },
    }),
    "In",
    "enum member A needs a number enumValue",
  ],
])("%s", (_label, text, shape, detail) => {
  test("is a ModelError naming the file and the shape", () => {
    const error = errorOf(text);
    expect(error.file).toBe("bad.json");
    expect(error.shape).toBe(shape);
    expect(error.detail).toContain(detail);
    expect(error.message).toBe(`bad.json${shape ? ` (shape ${shape})` : ""}: ${error.detail}`);
    expect(error.message).not.toContain("\n");
  });
});
