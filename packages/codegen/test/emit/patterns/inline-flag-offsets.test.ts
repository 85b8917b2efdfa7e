/**
 * A flag Java refuses, or one this translator does not take, is reported at the group that names it — the `(?`
 * of `(?z)` and of `(?i-z:a)` alike — never past its `:`, where the group's body begins.
 */
import { describe, expect, test } from "vitest";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { hasJava } from "../../helpers/java-checker.js";
import { javaVerdictsOnce } from "../../helpers/java-verdicts-once.js";

const CASES: readonly (readonly [string, string, boolean])[] = [
  ["(?z)a", "Java refuses it: unknown inline flag z (at offset 0)", true],
  ["a(?i-z)b", "Java refuses it: unknown inline flag z (at offset 1)", true],
  ["(?i-z:a)", "Java refuses it: unknown inline flag z (at offset 0)", true],
  ["ab(?iz:c)", "Java refuses it: unknown inline flag z (at offset 2)", true],
  ["(?u:a)", "not translated: the inline flag (?u) (at offset 0)", false],
  ["x(?-d:a)", "not translated: the inline flag (?d) (at offset 1)", false],
];

describe("an inline flag not taken: the reason names the flag and the group's offset", () => {
  test.each(CASES)("%s", (pattern, reason) => {
    expect(translatePattern(pattern)).toEqual({ kind: "skip", reason });
  });

  test.skipIf(!hasJava)("Java refuses exactly the ones said to be refused", () => {
    const verdicts = javaVerdictsOnce(CASES.map(([pattern]) => ({ pattern, strings: [] })));
    expect(verdicts.map((verdict) => verdict.error !== undefined)).toEqual(CASES.map(([, , refused]) => refused));
  });
});
