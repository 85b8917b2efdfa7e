/**
 * The docs stay readable for any model (issue 16, section 4): on a model ten structures deep and fifty wide (500
 * leaf structures besides), the
 * request syntax stops expanding and names the shape, a page describes only the structures nearest its operation,
 * every other structure it names has a page of its own, and every link goes to a page or a heading that exists.
 */
import { expect, test } from "vitest";
import { emitDocs, loadModelText } from "../../src/index.js";

const DEPTH = 10;
const WIDTH = 50;

const shapes: Record<string, unknown> = { Text: { type: "string" } };
for (let level = 0; level < DEPTH; level++) {
  const members: Record<string, unknown> = {};
  for (let i = 0; i < WIDTH; i++) {
    members[`Field${i}`] = { shape: level + 1 < DEPTH && i < 2 ? `Level${level + 1}Kind${i}` : `Leaf${level}x${i}` };
    shapes[`Leaf${level}x${i}`] = { type: "structure", members: { Value: { shape: "Text" } } };
  }
  for (const kind of [0, 1]) shapes[`Level${level}Kind${kind}`] = { type: "structure", members };
}
shapes.PutInput = { type: "structure", members: { Root: { shape: "Level0Kind0" }, Other: { shape: "Level0Kind1" } } };
const model = JSON.stringify({
  metadata: { serviceId: "Deep", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Deep" },
  operations: { Put: { name: "Put", input: { shape: "PutInput" } } },
  shapes,
});

test("a deep, wide model: bounded pages, every structure reachable by a link", () => {
  const files = emitDocs(loadModelText(model, "deep.service-2.json"));
  const page = files.get("docs/Put.md")!;
  const syntax = page.slice(page.indexOf("## Request syntax"), page.indexOf("## Request parameters"));
  // Expanded fully, the syntax would hold 2^10 structures of 50 members each.
  expect(syntax.split("\n").length).toBeLessThan(400);
  expect(syntax).toContain('"Field0": { Level');
  expect(page.split("\n").length).toBeLessThan(40 * (WIDTH * 5 + 10));
  const described = [...page.matchAll(/^### (\w+)$/gm)].map((m) => m[1]);
  expect(described.length).toBeLessThanOrEqual(40);
  // Every structure of the model is described on the page or has its own page.
  const ownPages = [...files.keys()].filter((f) => f.startsWith("docs/types/")).map((f) => f.slice(11, -3));
  for (let level = 0; level < DEPTH; level++)
    for (const kind of [0, 1]) expect([...described, ...ownPages]).toContain(`Level${level}Kind${kind}`);
  // Every link resolves: a heading of the same page or a file the emitter wrote.
  for (const [file, text] of files) {
    for (const [, target] of text.matchAll(/\]\(([^)]+)\)/g)) {
      if (target!.startsWith("#"))
        expect(text.toLowerCase(), `${file} → ${target}`).toContain(`### ${target!.slice(1)}\n`);
      else {
        const resolved = new URL(target!, `file:///${file}`).pathname.slice(1);
        expect(files.has(resolved), `${file} → ${target}`).toBe(true);
      }
    }
  }
});
