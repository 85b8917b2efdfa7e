import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitToWidth } from "../../src/progress/fit-to-width.js";

describe("fitToWidth: a live line never wraps", () => {
  it.each([
    ["short ascii stays whole", "abc", 10, "abc"],
    ["ascii cut to columns - 1 with the ellipsis", "abcdefghij", 6, "abcd…"],
    ["CJK counts two columns each", "日本語のステップ", 8, "日本語…"],
    ["an emoji counts two", "🚀🚀🚀🚀", 6, "🚀🚀…"],
    ["a ZWJ family is one grapheme, never split", "👩‍👩‍👧👩‍👩‍👧x", 5, "👩‍👩‍👧…"],
    ["a combining accent stays with its letter", "e\u0301e\u0301e\u0301e\u0301", 4, "e\u0301e\u0301…"],
  ])("%s", (_, line, columns, expected) => {
    expect(fitToWidth(line, columns)).toBe(expected);
  });

  it("takes fewer columns than the terminal has, whatever the text (property)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "日", "🚀", "e\u0301", "👩‍👩‍👧", " ", "ü"), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 3, max: 120 }), (line, columns) => {
        const fitted = fitToWidth(line, columns);
        expect(stringWidth(fitted)).toBeLessThan(columns);
        if (fitted !== line) expect(line.startsWith(fitted.slice(0, -1))).toBe(true);
      }),
    );
  });
});
