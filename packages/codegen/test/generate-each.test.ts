/**
 * `generateEach` hands each file over as soon as it is made and keeps nothing of the service once done (issue 16:
 * the heap must not grow with the model): the files are the ones `generateFrom` returns, text for text; a page is
 * handed over before the next operation's page is started; the converted docs are dropped when the service is done.
 */
import { expect, test } from "vitest";
import { convertedCount } from "../src/emit/html-to-markdown.js";
import { EMITTERS, generateEach, generateFrom, loadModelText, type ServiceIR } from "../src/index.js";

const OPERATIONS = 6;

/** `OPERATIONS` operations, each with its own input and docs; one of them named README (the index page's name). */
function model(): string {
  const shapes: Record<string, unknown> = { Text: { type: "string", max: 64, pattern: "[a-z]+" } };
  const operations: Record<string, unknown> = {};
  for (let i = 0; i < OPERATIONS; i++) {
    const name = i === 0 ? "README" : `Op${i}`;
    shapes[`${name}Input`] = {
      type: "structure",
      documentation: `<p>The input of <b>${name}</b>.</p>`,
      members: { Name: { shape: "Text", documentation: `<p>Name ${i}.</p>` } },
      required: ["Name"],
    };
    operations[name] = { name, input: { shape: `${name}Input` }, documentation: `<p>Does ${name}.</p>` };
  }
  return JSON.stringify({
    metadata: { serviceId: "Each", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Each" },
    operations,
    shapes,
  });
}

const load = () => loadModelText(model(), "each.service-2.json");

test("generateEach hands over the files generateFrom returns, with the same texts, each once but README's", () => {
  const handed: [string, string][] = [];
  generateEach(load(), EMITTERS, (path, text) => handed.push([path, text]));
  const files = generateFrom(load());
  // docs/README.md is both the README operation's page and the index; the index, made last, wins in both.
  expect(handed.filter(([path]) => path === "docs/README.md")).toHaveLength(2);
  expect(new Map(handed)).toEqual(files);
  expect(handed.length).toBe(files.size + 1);
  expect([...files.keys()]).toEqual([...files.keys()].sort());
  expect(files.get("docs/README.md")).toContain("reference");
});

test("generateEach runs only the emitters asked for", () => {
  const paths: string[] = [];
  generateEach(load(), ["schema"], (path) => paths.push(path));
  expect(paths).toHaveLength(OPERATIONS);
  expect(paths.every((p) => p.startsWith("schema/"))).toBe(true);
});

/** The service with each operation's documentation counting its reads into `log`, by the operation's name. */
function logged(service: ServiceIR, log: string[]): ServiceIR {
  const operations = service.operations.map((op) =>
    Object.defineProperty({ ...op }, "documentation", {
      get: () => {
        log.push(`read ${op.name}`);
        return op.documentation;
      },
    }),
  );
  return { ...service, operations };
}

test("each docs page and schema is handed over before the next operation's is started", () => {
  for (const emit of [["docs"], ["schema"]] as const) {
    const log: string[] = [];
    generateEach(logged(load(), log), emit, (path) => log.push(`put ${path}`));
    // Held until the end, every read would come before the first put.
    const firstPut = log.findIndex((entry) => entry.startsWith("put "));
    const lastRead = log.findLastIndex((entry) => entry.startsWith("read "));
    expect(firstPut, log.join("\n")).toBeLessThan(lastRead);
    const file = emit[0] === "docs" ? (i: number) => `docs/Op${i}.md` : (i: number) => `schema/Op${i}.schema.json`;
    for (let i = 1; i < OPERATIONS - 1; i++)
      expect(log.indexOf(`put ${file(i)}`)).toBeLessThan(log.indexOf(`read Op${i + 1}`));
  }
});

test("the converted docs are dropped when a service is done, even when it fails", () => {
  let during = 0;
  generateEach(load(), EMITTERS, () => {
    during = Math.max(during, convertedCount());
  });
  expect(during).toBeGreaterThan(0);
  expect(convertedCount()).toBe(0);
  expect(() =>
    generateEach(load(), EMITTERS, (path) => {
      if (path.startsWith("docs/")) throw new Error("disk full");
    }),
  ).toThrow("disk full");
  expect(convertedCount()).toBe(0);
});
