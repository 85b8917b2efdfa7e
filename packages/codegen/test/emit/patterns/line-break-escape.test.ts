/**
 * `\R`, Java's linebreak matcher: `\r\n` or one of `[\n\x0B\f\r\u0085\u2028\u2029]`. Java 17 gives the `\n` of
 * `\r\n` back when what follows needs it (`\R\n` matches "\r\n"), so outside a quantifier it is that alternation,
 * checked (the README's table lists it as translated) and in agreement with Java on every short string of line
 * terminators. Under a quantifier Java keeps its first match (`\R{2}` does not match "\r\n"), which the linear-time
 * matcher has no instruction for: such a pattern is skipped, saying where.
 */
import { describe, expect, test } from "vitest";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { disagreements, stringsOver } from "../../helpers/agrees-with-java.js";
import { hasJava } from "../../helpers/java-checker.js";
import { javaVerdictsOnce } from "../../helpers/java-verdicts-once.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";

const TRANSLATED = ["\\R", "a\\R", "\\R\\n", "\\R\\r?", "(?:\\R|\\r)\\n", "[a\\n]\\R", "(?s)\\R.?", "a|\\R\\n"];
/** Each with the offset of its quantified atom, and a string the alternation would match but Java does not. */
const UNDER_A_QUANTIFIER: readonly (readonly [string, number, string])[] = [
  ["\\R+\\n", 0, "\r\n"],
  ["a\\R{2}", 1, "a\r\n"],
  ["\\R?\\n", 0, "\r\n"],
  ["(?:\\R)+\\n", 0, "\r\n"],
  ["x(?:a\\R)*\\n", 1, "xa\r\n"],
];
const strings = [...stringsOver(["a", "\r", "\n", "\u000b", "\f", "\u0085", "\u2028"], 3)];
const cases = TRANSLATED.map((pattern) => ({ pattern, strings }));
const quantifiedCases = UNDER_A_QUANTIFIER.map(([pattern, , text]) => ({ pattern, strings: [text] }));
/** `\R` as the plain alternation, in JavaScript's syntax. */
const ALTERNATION = "(?:\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029])";

test.each(UNDER_A_QUANTIFIER)("%s is skipped: \\R under a quantifier, at the quantified atom", (pattern, offset) => {
  expect(translatePattern(pattern)).toEqual({
    kind: "skip",
    reason: `not translated: \\R under a quantifier (at offset ${offset})`,
  });
});

describe.skipIf(!hasJava)("\\R against Java's Matcher.matches()", async () => {
  const { matchesLinear } = await linearEngine();
  test.each(TRANSLATED.map((pattern, i) => [pattern, i] as const))("%s matches what Java matches", (pattern, i) => {
    expect(disagreements(pattern, strings, javaVerdictsOnce(cases)[i]!, matchesLinear)).toEqual([]);
  });

  // Were `\R` the plain alternation under a quantifier too, each would match its string: Java's does not.
  test.each(UNDER_A_QUANTIFIER.map(([pattern, , text], i) => [pattern, text, i] as const))(
    "under a quantifier Java keeps \\R's first match: %s does not match %j",
    (pattern, text, i) => {
      expect(javaVerdictsOnce(quantifiedCases)[i]).toEqual({ error: undefined, matches: [false] });
      expect(new RegExp(`^(?:${pattern.replaceAll("\\R", ALTERNATION)})$`).test(text)).toBe(true);
    },
  );
});

if (!hasJava) test.skip("\\R against Java: skipped, no `java`/`javac` on the PATH", () => {});
