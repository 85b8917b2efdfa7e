/** The exact text of a few emitted fast predicates: straight-line, one `return false` per check, no path or issue. */
import { describe, expect, test } from "vitest";
import { emitValidators, loadModelFile } from "../../src/index.js";
import { emitted } from "../helpers/emitted.js";
import { fixture } from "../helpers/fixtures.js";

const emit = emitted(() => emitValidators(loadModelFile(fixture("smithy-traits.json"))));

function predicate(name: string): string {
  const text = emit();
  const start = text.indexOf(`export function isValid${name}(`);
  return text.slice(start, text.indexOf("\n}\n", start) + 2);
}

describe("emitted fast predicates", () => {
  test("the file says why it holds two functions per shape", () => {
    const text = emit();
    expect(text).toContain("Two passes per shape.");
    expect(text).toContain("export const predicates: Readonly<Record<string, Predicate>> = {");
  });

  test("a recursive structure takes depth and stops past MAX_NESTING", () => {
    expect(predicate("TreeNode")).toMatchInlineSnapshot(`
      "export function isValidTreeNode(value: unknown, depth = 0): boolean {
        if (depth > MAX_NESTING) return false;
        if (!isObject(value)) return false;
        let member: unknown;
        member = value["Value"];
        if (member !== undefined) {
          if (!isValidString(member)) return false;
          if (typeof member === "string") {
            if (lengthOutside(member, 0, 8) >= 0) return false;
          }
        }
        member = value["Children"];
        if (member !== undefined && !isValidTreeNodeList(member, depth + 1)) return false;
        for (const key in value) {
          switch (key) {
            case "Value":
            case "Children":
              continue;
          }
          return false;
        }
        return true;
      }"
    `);
    expect(predicate("TreeNodeList")).toMatchInlineSnapshot(`
      "export function isValidTreeNodeList(value: unknown, depth = 0): boolean {
        if (depth > MAX_NESTING) return false;
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) {
          if (!isValidTreeNode(value[i], depth + 1)) return false;
        }
        return true;
      }"
    `);
  });

  test("a union counts the members set; a blob and a constrained string test each constraint in turn", () => {
    expect(predicate("Outline")).toMatchInlineSnapshot(`
      "export function isValidOutline(value: unknown): boolean {
        if (!isObject(value)) return false;
        let member: unknown;
        let set = 0;
        member = value["Circle"];
        if (member !== undefined) {
          set++;
          if (!isValidSmithyDouble(member)) return false;
        }
        member = value["Polygon"];
        if (member !== undefined) {
          set++;
          if (!isValidPointList(member)) return false;
        }
        if (set !== 1) return false;
        for (const key in value) {
          switch (key) {
            case "Circle":
            case "Polygon":
              continue;
          }
          return false;
        }
        return true;
      }"
    `);
    expect(predicate("Picture")).toMatchInlineSnapshot(`
      "export function isValidPicture(value: unknown): boolean {
        if (!(value instanceof Uint8Array) && typeof value !== "string") return false;
        if ((value instanceof Uint8Array || typeof value === "string") && (byteLength(value) > 1024)) return false;
        return true;
      }"
    `);
    expect(predicate("WidgetId")).toMatchInlineSnapshot(`
      "export function isValidWidgetId(value: unknown): boolean {
        if (typeof value !== "string") return false;
        if (lengthOutside(value, 1, 64) >= 0) return false;
        if (!PATTERN16.test(value)) return false;
        return true;
      }"
    `);
  });
});
