/** The botocore loader on a model written for the purpose: every field the generator reads, each in one place. */
import { expect, test } from "vitest";
import type { ShapeIR } from "../../src/index.js";
import { loadModelFile } from "../../src/index.js";
import { fixture } from "../helpers/fixtures.js";

const ir = loadModelFile(fixture("botocore-traits.json"));

test("the service and its operations", () => {
  expect({ ...ir, operations: undefined, shapes: undefined, source: undefined }).toEqual({
    name: "Widgets",
    title: "Example Widgets",
    version: "2024-01-01",
    protocol: "json",
    targetPrefix: "Widgets",
    documentation: "<p>Makes widgets.</p>",
  });
  expect(ir.source.format).toBe("botocore");
  expect(ir.operations).toEqual([
    {
      name: "PaintWidget",
      input: "PaintWidgetInput",
      output: "PaintWidgetOutput",
      errors: ["NotFound", "ServiceFault"],
      documentation: "<p>Paints a widget.</p>",
    },
    { name: "Polish", input: "PolishInput", errors: [], deprecated: { message: "Paint instead." } },
  ]);
});

test.each<[string, ShapeIR]>([
  // min/max: a length for strings, lists, maps and blobs, a range for numbers.
  ["WidgetId", { name: "WidgetId", kind: "string", length: { min: 1, max: 64 }, pattern: "^[a-z0-9-]+$" }],
  ["ColorList", { name: "ColorList", kind: "list", member: "Color", length: { min: 1, max: 3 } }],
  ["LabelMap", { name: "LabelMap", kind: "map", key: "String", value: "String", length: { max: 10 } }],
  ["Stencil", { name: "Stencil", kind: "blob", length: { min: 1, max: 256 } }],
  ["Coats", { name: "Coats", kind: "number", format: "integer", range: { min: 1, max: 5 } }],
  ["Thickness", { name: "Thickness", kind: "number", format: "double", range: { min: 0.5, max: 2.5 } }],
  ["BigCount", { name: "BigCount", kind: "number", format: "long", range: { max: 9000000000 } }],
  ["Color", { name: "Color", kind: "string", enum: ["RED", "GREEN"] }],
  ["Password", { name: "Password", kind: "string", sensitive: true }],
  ["OldShape", { name: "OldShape", kind: "string", deprecated: {} }],
  ["Date", { name: "Date", kind: "timestamp" }],
  ["Boolean", { name: "Boolean", kind: "boolean" }],
  [
    "Pattern",
    {
      name: "Pattern",
      kind: "union",
      members: [
        { name: "Dots", target: "Coats", required: false },
        { name: "Stripes", target: "ColorList", required: false },
      ],
    },
  ],
  [
    "TreeNode",
    {
      name: "TreeNode",
      kind: "structure",
      members: [
        { name: "Value", target: "String", required: false },
        { name: "Children", target: "TreeNodeList", required: false },
      ],
    },
  ],
  ["TreeNodeList", { name: "TreeNodeList", kind: "list", member: "TreeNode" }],
  [
    "NotFound",
    {
      name: "NotFound",
      kind: "structure",
      members: [{ name: "Message", target: "String", required: false }],
      error: { fault: "client", code: "NotFound", httpStatus: 404 },
    },
  ],
  [
    "ServiceFault",
    {
      name: "ServiceFault",
      kind: "structure",
      documentation: "<p>It broke.</p>",
      members: [{ name: "Message", target: "String", required: false }],
      error: { fault: "server" },
    },
  ],
])("%s", (name, expected) => {
  expect(ir.shapes.get(name)).toEqual(expected);
});

test("members: required, documentation, deprecated with its message, idempotency token, model order", () => {
  const input = ir.shapes.get("PaintWidgetInput");
  expect(input?.kind === "structure" && input.members.slice(0, 9)).toEqual([
    { name: "Id", target: "WidgetId", required: true, documentation: "<p>Which widget.</p>" },
    { name: "Colors", target: "ColorList", required: true },
    { name: "Coats", target: "Coats", required: false },
    { name: "Thickness", target: "Thickness", required: false },
    { name: "Labels", target: "LabelMap", required: false },
    { name: "Stencil", target: "Stencil", required: false },
    { name: "Password", target: "Password", required: false },
    { name: "Legacy", target: "String", required: false, deprecated: { message: "Ignored." } },
    { name: "Token", target: "String", required: false, idempotencyToken: true },
  ]);
  expect(input?.documentation).toBe("<p>What to paint.</p>");
});
