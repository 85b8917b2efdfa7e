/** The Smithy loader on a model written for the purpose: every trait the generator reads, each in one place. */
import { describe, expect, test } from "vitest";
import type { ShapeIR } from "../../src/index.js";
import { loadModelFile } from "../../src/index.js";
import { fixture } from "../helpers/fixtures.js";

const ir = loadModelFile(fixture("smithy-traits.json"));
const shape = (name: string): ShapeIR | undefined => ir.shapes.get(name);

describe("the service", () => {
  test("names, protocol and the operations of the service and its resources", () => {
    expect({ ...ir, operations: undefined, shapes: undefined, source: undefined }).toEqual({
      name: "Widgets",
      title: "Example Widgets",
      version: "2024-01-01",
      protocol: "json",
      targetPrefix: "Widgets",
      documentation: "<p>Makes widgets.</p>",
    });
    expect(ir.source.format).toBe("smithy");
    expect(ir.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Ping is on the service; Create/Get/List are the resource's lifecycle, Paint one of its operations.
    expect(ir.operations).toEqual([
      {
        name: "CreateWidget",
        input: "CreateWidgetInput",
        errors: ["ServiceFault"],
        deprecated: { message: "Use PaintWidget." },
      },
      {
        name: "GetWidget",
        input: "GetWidgetInput",
        output: "WidgetDescription",
        errors: ["NotFound", "ServiceFault"],
        documentation: "<p>Reads a widget.</p>",
      },
      { name: "ListWidgets", input: "ListWidgetsInput", output: "ListWidgetsOutput", errors: ["ServiceFault"] },
      { name: "PaintWidget", input: "PaintWidgetInput", errors: ["ServiceFault"] },
      // smithy.api#Unit as input and output means none.
      { name: "Ping", errors: ["ServiceFault"] },
    ]);
  });

  test("mixins are not shapes of their own; operations and resources are not either", () => {
    for (const name of ["IdMixin", "TaggedMixin", "Widget", "Widgets", "Ping", "Unit"]) {
      expect(ir.shapes.has(name), name).toBe(false);
    }
  });
});

describe("shapes", () => {
  test.each<[string, ShapeIR]>([
    [
      "WidgetId",
      {
        name: "WidgetId",
        kind: "string",
        documentation: "<p>A widget's id.</p>",
        length: { min: 1, max: 64 },
        pattern: "^[a-z0-9-]+$",
      },
    ],
    ["Color", { name: "Color", kind: "string", enum: ["red", "GREEN"] }],
    ["Level", { name: "Level", kind: "number", format: "integer", enum: [1, 10] }],
    ["Finish", { name: "Finish", kind: "string", enum: ["matte", "gloss"] }],
    ["Size", { name: "Size", kind: "number", format: "integer", range: { min: 1, max: 100 } }],
    ["Secret", { name: "Secret", kind: "string", sensitive: true }],
    ["Picture", { name: "Picture", kind: "blob", length: { max: 1024 } }],
    ["OldThing", { name: "OldThing", kind: "string", deprecated: { message: "Gone." } }],
    [
      "WidgetIdList",
      { name: "WidgetIdList", kind: "list", member: "WidgetId", length: { max: 10 }, uniqueItems: true },
    ],
    ["TagMap", { name: "TagMap", kind: "map", key: "String", value: "String", length: { max: 50 } }],
    [
      "Outline",
      {
        name: "Outline",
        kind: "union",
        members: [
          { name: "Circle", target: "SmithyDouble", required: false },
          { name: "Polygon", target: "PointList", required: false },
        ],
      },
    ],
    [
      "NotFound",
      {
        name: "NotFound",
        kind: "structure",
        members: [{ name: "Message", target: "String", required: false }],
        error: { fault: "client", httpStatus: 404 },
      },
    ],
    [
      "ServiceFault",
      {
        name: "ServiceFault",
        kind: "structure",
        members: [{ name: "Message", target: "String", required: false }],
        error: { fault: "server", code: "Fault", httpStatus: 500 },
      },
    ],
  ])("%s", (name, expected) => {
    expect(shape(name)).toEqual(expected);
  });

  test("prelude shapes are the IR's simple shapes, named by their local name", () => {
    expect(shape("String")).toEqual({ name: "String", kind: "string" });
    expect(shape("PrimitiveBoolean")).toEqual({ name: "PrimitiveBoolean", kind: "boolean" });
    expect(shape("Timestamp")).toEqual({ name: "Timestamp", kind: "timestamp" });
    expect(shape("Document")).toEqual({ name: "Document", kind: "document" });
    expect(shape("Long")).toEqual({ name: "Long", kind: "number", format: "long" });
  });

  test("a prelude shape whose name the model uses for its own shape is renamed, not confused with it", () => {
    expect(shape("Double")).toEqual({ name: "Double", kind: "string", documentation: "Not a number." });
    expect(shape("SmithyDouble")).toEqual({ name: "SmithyDouble", kind: "number", format: "double" });
  });

  test("recursive shapes are legal", () => {
    expect(shape("TreeNode")).toEqual({
      name: "TreeNode",
      kind: "structure",
      members: [
        // The length comes from an apply statement on the member.
        { name: "Value", target: "String", required: false, length: { max: 8 } },
        { name: "Children", target: "TreeNodeList", required: false },
      ],
    });
    expect(shape("TreeNodeList")).toEqual({ name: "TreeNodeList", kind: "list", member: "TreeNode" });
  });
});

describe("members", () => {
  test("a mixin's members and traits, minus its local traits; a mixin of a mixin", () => {
    // IdMixin's documentation is a local trait; its sensitive trait is inherited.
    expect(shape("GetWidgetInput")).toEqual({
      name: "GetWidgetInput",
      kind: "structure",
      sensitive: true,
      members: [{ name: "Id", target: "WidgetId", required: true }],
    });
    // Through TaggedMixin, which mixes IdMixin in; Id is redeclared to add documentation and stays required.
    const description = shape("WidgetDescription");
    expect(description?.kind === "structure" && description.members.map((m) => m.name)).toEqual([
      "Id",
      "Tags",
      "Color",
      "Level",
      "Finish",
      "Created",
      "Shape",
    ]);
    expect(description?.kind === "structure" && description.members[0]).toEqual({
      name: "Id",
      target: "WidgetId",
      required: true,
      documentation: "The widget's id.",
    });
    expect(description?.sensitive).toBe(true);
  });

  test("required, clientOptional, default, member constraints, deprecated, idempotency token", () => {
    const input = shape("CreateWidgetInput");
    expect(input?.kind === "structure" && input.members).toEqual([
      // clientOptional: stays required, and its default is dropped.
      { name: "Name", target: "String", required: true, length: { min: 1, max: 20 }, pattern: "^[A-Za-z ]+$" },
      { name: "Size", target: "Size", required: false, range: { max: 50 } },
      { name: "Shiny", target: "PrimitiveBoolean", required: false, default: false },
      { name: "Count", target: "Integer", required: true, default: 1 },
      { name: "Secret", target: "Secret", required: false },
      { name: "OldName", target: "String", required: false, deprecated: {} },
      { name: "Token", target: "String", required: false, idempotencyToken: true },
      { name: "Picture", target: "Picture", required: false },
      { name: "Extra", target: "Document", required: false },
    ]);
  });

  test("an apply statement adds traits to a member", () => {
    const input = shape("PaintWidgetInput");
    expect(input?.kind === "structure" && input.members[1]).toEqual({
      name: "Color",
      target: "Color",
      required: true,
      documentation: "Applied from elsewhere.",
    });
  });
});
