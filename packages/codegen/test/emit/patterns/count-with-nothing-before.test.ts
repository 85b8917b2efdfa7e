/**
 * Java reads a count with nothing before it (`{1}`, `x|{2}`, `({0,3})`) as repeating the empty string: it accepts
 * the pattern, and the count matches nothing. A `{` that opens no count is refused wherever it stands, first in the
 * pattern or not ("Illegal repetition"): outside a class Java never reads `{` as itself.
 */
import { describe, expect, test } from "vitest";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { disagreements, stringsOver } from "../../helpers/agrees-with-java.js";
import { hasJava } from "../../helpers/java-checker.js";
import { javaVerdictsOnce } from "../../helpers/java-verdicts-once.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";

const PATTERNS = ["{1}", "{0}a", "{1,}a", "{2}?a", "x|{2}", "(?i){1}a", "({1})a", "a({0,3})b", "(?:{1,2})+x"];
const strings = [...stringsOver(["a", "A", "b", "x", "{", "1", "}"], 3)];
const cases = PATTERNS.map((pattern) => ({ pattern, strings }));

describe.skipIf(!hasJava)("a count with nothing before it, against Java's Matcher.matches()", async () => {
  const { matchesLinear } = await linearEngine();
  test.each(PATTERNS.map((pattern, i) => [pattern, i] as const))("%s matches what Java matches", (pattern, i) => {
    expect(disagreements(pattern, strings, javaVerdictsOnce(cases)[i]!, matchesLinear)).toEqual([]);
  });
});

const REFUSED: readonly (readonly [string, string])[] = [
  ["{", "Java refuses it: illegal repetition (at offset 0)"],
  ["{a}", "Java refuses it: illegal repetition (at offset 0)"],
  ["a|{", "Java refuses it: illegal repetition (at offset 2)"],
  ["({,1})", "Java refuses it: illegal repetition (at offset 1)"],
  ["{1}*", "Java refuses it: dangling meta character (at offset 3)"],
];

describe("a `{` that opens no count: refused, saying where", () => {
  test.each(REFUSED)("%s", (pattern, reason) => {
    expect(translatePattern(pattern)).toEqual({ kind: "skip", reason });
  });

  test.skipIf(!hasJava)("Java refuses each of them too", () => {
    const verdicts = javaVerdictsOnce(REFUSED.map(([pattern]) => ({ pattern, strings: [] })));
    expect(verdicts.map((verdict) => verdict.error !== undefined)).toEqual(REFUSED.map(() => true));
  });
});

if (!hasJava)
  test.skip("counts with nothing before them against Java: skipped, no `java`/`javac` on the PATH", () => {});
