/**
 * The README lists every operation the emulator serves, and nothing else: the list between its `operations`
 * markers is the operation table's (`src/emr/operations/index.ts`) names, sorted, and the count before it is theirs.
 * On a difference the test prints the block to paste.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../src/emr/operations/index.js";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- operations: kept equal to src/emr/operations by test/readme-operations.test.ts -->";
const END = "<!-- /operations -->";

/** The block as it should read: the names, sorted, in backticks, wrapped at 116 columns. */
function expectedBlock(): string {
  const lines: string[] = [];
  let line = "";
  for (const name of Object.keys(OPERATIONS).sort()) {
    const item = `\`${name}\``;
    if (line !== "" && line.length + item.length + 2 > 116) {
      lines.push(`${line},`);
      line = "";
    }
    line = line === "" ? item : `${line}, ${item}`;
  }
  lines.push(`${line}.`);
  return [START, ...lines, END].join("\n");
}

describe("the emulator's README", () => {
  it("lists every operation the emulator serves, and only those", () => {
    const text = readFileSync(README, "utf8");
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, `README.md has no "${START}" line`).toBeGreaterThanOrEqual(0);
    // Indented as the bullet it sits in; the indent is not part of the list.
    const block = text
      .slice(from, to + END.length)
      .split("\n")
      .map((line) => line.trimStart())
      .join("\n");
    expect(block, `README.md's operation list differs from the table; it should read:\n${expectedBlock()}\n`).toBe(
      expectedBlock(),
    );
    expect(text).toContain(`${Object.keys(OPERATIONS).length} operations`);
  });
});
