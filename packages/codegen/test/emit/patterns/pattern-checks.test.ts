/**
 * How the generated validators run pattern checks: not at all on a value whose length is already out of bounds
 * (the 54,775-character value for a 256-character field of the issue), through the linear-time matcher where the
 * pattern needs it, and skipped — the rest of the service still checked — where a pattern cannot be checked exactly.
 */
import { expect, test } from "vitest";
import type { ShapeIR } from "../../../src/index.js";
import { emitted } from "../../helpers/emitted.js";
import { importGenerated } from "../../helpers/import-generated.js";
import { serviceOf } from "../../helpers/service-of.js";

const stringShape = (name: string, pattern: string, max?: number): ShapeIR =>
  ({ kind: "string", name, pattern, ...(max === undefined ? {} : { length: { max } }) }) as ShapeIR;

const service = serviceOf("Patterns", [
  stringShape("Xml", "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*", 256),
  stringShape("Slot", "^([A-Za-z](-|_|.)?)+$", 100),
  stringShape("Refused", "[a-z"),
  stringShape("Phone", "[+][\\s0-9()-]+"),
]);

const generated = emitted(() => importGenerated(service));
const codes = async (shape: string, value: string) => {
  const { validators, check } = await generated();
  return check(validators[shape]!, value).map((issue) => issue.code);
};

test("a value of the wrong length gets the length issue alone: the pattern is not run", async () => {
  expect(await codes("Xml", `${"\u0001".repeat(54_775)}`)).toEqual(["length"]);
  expect(await codes("Xml", "\u0001")).toEqual(["pattern"]);
});

test("a pattern V8 would backtrack on for minutes answers at once, as Java does", async () => {
  await generated();
  const started = performance.now();
  expect(await codes("Slot", `${"a".repeat(99)}\n`)).toEqual(["pattern"]);
  expect(await codes("Slot", "ab-c_d")).toEqual([]);
  expect(performance.now() - started).toBeLessThan(2_000);
});

test("Java's \\s, not JavaScript's: NBSP is refused (account ContactInformationPhoneNumber)", async () => {
  expect(await codes("Phone", "+35\u00a036)")).toEqual(["pattern"]);
  expect(await codes("Phone", "+35 36)")).toEqual([]);
});

test("a pattern Java refuses is skipped for its shape only", async () => {
  expect(await codes("Refused", "anything")).toEqual([]);
  expect(await codes("Xml", "\u0001")).toEqual(["pattern"]);
});
