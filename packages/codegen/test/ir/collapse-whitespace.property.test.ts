/**
 * `collapseWhitespace` matches only the whitespace runs that change, for speed; what it returns must be exactly
 * `replace(/\s+/g, " ")`, which the IR's documentation has always been (the generated docs depend on it byte for
 * byte). Property over text drawn mostly from JavaScript's whitespace characters, in runs of every length and mix.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { collapseWhitespace, documentation } from "../../src/ir/documentation.js";

// Every character JavaScript's `\s` matches, and a few that it does not (U+0085, U+180E, U+200B are not in it).
const WHITESPACE = [
  ..."\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a",
  ..."\u2028\u2029\u202f\u205f\u3000\ufeff",
];
const OTHER = ["a", "<", ">", "\u0085", "\u180e", "\u200b", "é", "😀"];
const text = fc.string({ unit: fc.constantFrom(...WHITESPACE, ...WHITESPACE, ...OTHER), maxLength: 40 });

test("collapseWhitespace is replace(/\\s+/g, ' ') on any text", () => {
  fc.assert(
    fc.property(text, (t) => {
      expect(collapseWhitespace(t)).toBe(t.replace(/\s+/g, " "));
    }),
    { numRuns: 2000 },
  );
});

test("documentation() collapses and trims, and collapsing it again changes nothing", () => {
  fc.assert(
    fc.property(text, (t) => {
      const html = documentation(t);
      const expected = t.replace(/\s+/g, " ").trim();
      expect(html).toBe(expected === "" ? undefined : expected);
      if (html !== undefined) expect(collapseWhitespace(html)).toBe(html);
    }),
    { numRuns: 1000 },
  );
});
