/**
 * A structure that more than one operation page would describe is described once, on its own page, and linked
 * from each (issue 16: the largest models' pages described `Filter` or `Tag` on hundreds of pages); a structure only
 * one operation uses stays on that operation's page. The request syntax still shows both expanded.
 */
import { expect, test } from "vitest";
import { emitDocs, loadModelText } from "../../src/index.js";

const OPERATIONS = ["Create", "Update", "Remove"];

function model(): string {
  const shapes: Record<string, unknown> = {
    Text: { type: "string" },
    Tag: { type: "structure", documentation: "<p>A shared tag.</p>", members: { Key: { shape: "Text" } } },
    Tags: { type: "list", member: { shape: "Tag" } },
    Limits: { type: "structure", documentation: "<p>Only Create's.</p>", members: { Max: { shape: "Text" } } },
  };
  const operations: Record<string, unknown> = {};
  for (const name of OPERATIONS) {
    shapes[`${name}Input`] = {
      type: "structure",
      members: { Tags: { shape: "Tags" }, ...(name === "Create" ? { Limits: { shape: "Limits" } } : {}) },
    };
    operations[name] = { name, input: { shape: `${name}Input` } };
  }
  return JSON.stringify({
    metadata: { serviceId: "Shared", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Shared" },
    operations,
    shapes,
  });
}

test("a structure on several pages has a page of its own, linked from each; one operation's own stays on its page", () => {
  const files = emitDocs(loadModelText(model(), "shared.service-2.json"));
  expect(files.get("docs/types/Tag.md")).toContain("A shared tag.");
  expect(files.has("docs/types/Limits.md")).toBe(false);
  for (const op of OPERATIONS) {
    const page = files.get(`docs/${op}.md`)!;
    expect(page, op).toContain("array of [Tag](./types/Tag.md) object");
    expect(page, op).not.toContain("### Tag\n");
    // The request is still seen at a glance: the syntax expands the shared structure too.
    expect(page, op).toContain('"Key": "string"');
  }
  const create = files.get("docs/Create.md")!;
  expect(create).toContain("### Limits\n\nOnly Create's.");
  expect(create).toContain("[Limits](#limits) object");
});

test("with one operation, every structure it uses stays on its page", () => {
  const one = JSON.parse(model()) as { operations: Record<string, unknown> };
  one.operations = { Create: one.operations.Create };
  const files = emitDocs(loadModelText(JSON.stringify(one), "one.service-2.json"));
  expect([...files.keys()].filter((p) => p.startsWith("docs/types/"))).toEqual([]);
  expect(files.get("docs/Create.md")).toContain("### Tag\n");
});
