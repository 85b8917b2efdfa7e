/**
 * Work the emitters do once per service or per pattern, not once per use (issue 16: cost per shape flat). Counted,
 * not timed: the reads of the IR field (or plan field) that the work starts from.
 * - A member described on many operation pages has its text (docs converted, constraints in words) made once, and
 *   an enum's placeholder in the request syntax is joined once.
 * - A pattern's compiled constant (a `\b` or a long count makes it 10–100 KB of source) is written once per plan,
 *   however many members of however many services check it.
 */
import { expect, test } from "vitest";
import { wordSets } from "../../src/emit/patterns/emit-js-regex.js";
import { translatePattern } from "../../src/emit/patterns/translate-pattern.js";
import { emitDocs, emitValidators, loadModelText, type MemberIR, type ServiceIR } from "../../src/index.js";

const PAGES = 12;

/** `PAGES` operations whose inputs all hold `Shared` and whose output is `Shared`, so that every page shows it. */
function sharedModel(pattern: string): string {
  const shapes: Record<string, unknown> = {
    Text: { type: "string", max: 64, pattern },
    Shared: {
      type: "structure",
      members: { Name: { shape: "Text", documentation: "<p>The <b>name</b>.</p>" }, Kind: { shape: "Kind" } },
      required: ["Name"],
    },
    Kind: { type: "string", enum: ["ml.t3.medium", "ml.m5.large", "ml.p4d.24xlarge"] },
  };
  const operations: Record<string, unknown> = {};
  for (let i = 0; i < PAGES; i++) {
    shapes[`Op${i}Input`] = { type: "structure", members: { Shared: { shape: "Shared" }, Own: { shape: `Text${i}` } } };
    shapes[`Text${i}`] = { type: "string", max: 64, pattern };
    // Shared is also every operation's output: its members are listed on every page (a structure only described
    // would be described once, on its own page, since it is on more than one).
    operations[`Op${i}`] = { name: `Op${i}`, input: { shape: `Op${i}Input` }, output: { shape: "Shared" } };
  }
  return JSON.stringify({
    metadata: { serviceId: "Shared", apiVersion: "2030-01-01", protocol: "json", targetPrefix: "Shared" },
    operations,
    shapes,
  });
}

/** The service with `Shared.Name` replaced by a member that counts the reads of its documentation. */
function countingDocs(service: ServiceIR): { service: ServiceIR; reads: () => number } {
  let reads = 0;
  const shared = service.shapes.get("Shared")!;
  if (shared.kind !== "structure") throw new Error("Shared is a structure");
  const name = shared.members.find((m) => m.name === "Name");
  const counted: MemberIR = Object.defineProperty({ ...name! }, "documentation", {
    get: () => {
      reads++;
      return name!.documentation;
    },
  });
  const shapes = new Map(service.shapes).set("Shared", {
    ...shared,
    members: shared.members.map((m) => (m === name ? counted : m)),
  });
  return { service: { ...service, shapes }, reads: () => reads };
}

test("a member shown on every operation page has its text made once", () => {
  const { service, reads } = countingDocs(loadModelText(sharedModel("[a-z]+"), "shared.service-2.json"));
  const files = emitDocs(service);
  const pages = [...files].filter(([path, text]) => /^docs\/Op\d+\.md$/.test(path) && text.includes("The **name**."));
  expect(pages).toHaveLength(PAGES);
  // One read for its text; one more where the member is copied to state its constraints. Made per page, it was 2 × PAGES.
  expect(reads()).toBeLessThanOrEqual(2);
});

test("an enum's placeholder in the request syntax is joined once, however many pages show it", () => {
  const service = loadModelText(sharedModel("[a-z]+"), "shared.service-2.json");
  const kind = service.shapes.get("Kind")!;
  if (kind.kind !== "string" || !kind.enum) throw new Error("Kind is an enum");
  let joins = 0;
  const values = [...kind.enum];
  const join = values.join.bind(values);
  Object.defineProperty(values, "join", {
    value: (separator?: string) => {
      joins++;
      return join(separator);
    },
  });
  const files = emitDocs({ ...service, shapes: new Map(service.shapes).set("Kind", { ...kind, enum: values }) });
  const placeholder = '"ml.t3.medium | ml.m5.large | ml.p4d.24xlarge"';
  expect([...files.values()].filter((text) => text.includes(placeholder))).toHaveLength(PAGES);
  expect(joins).toBe(1);
});

test.each([
  ["a regular expression", "[a-z]+(-[a-z0-9]+)*", "regex", "source"],
  ["a linear-time program", "[a-z]+\\b.*", "linear", "program"],
] as const)("%s is written as a constant once per plan", (_label, pattern, kind, field) => {
  const plan = translatePattern(pattern);
  expect(plan.kind).toBe(kind);
  const value = (plan as Record<string, unknown>)[field];
  let reads = 0;
  Object.defineProperty(plan, field, {
    get: () => {
      reads++;
      return value;
    },
  });
  const service = loadModelText(sharedModel(pattern), "shared.service-2.json");
  const first = emitValidators(service);
  const again = emitValidators(service);
  expect(again).toBe(first);
  // PAGES + 1 string shapes check it (in a validator and a fast predicate each), twice over, from one constant.
  const uses = first.match(kind === "regex" ? /PATTERN\d+\.test\(/g : /matchesLinear\(PROGRAM\d+, /g) ?? [];
  expect(uses.length).toBeGreaterThan(2 * PAGES);
  expect(first.match(/^const (PATTERN|PROGRAM)\d+ = /gm)).toHaveLength(1);
  expect(reads).toBe(1);
});

test("Java's word sets for `\\b` are made once, not at each `\\b` of each pattern", () => {
  expect(wordSets()).toBe(wordSets());
  expect(wordSets().word.length).toBeGreaterThan(1000);
});
