/**
 * How `\p{…}` names are read, as Java 17 reads them: a category or binary property only by its own name or with
 * `Is` before it (`\p{Lu}`, `\p{IsLu}`, `\p{IsAlphabetic}`, any case after `Is`), never a name that merely ends in
 * one (`\p{XXLu}`) nor a binary property without its `Is` (`\p{Alphabetic}`): those Java refuses, and the
 * translator skips them rather than check something else. `IsUppercase`, `IsLowercase` and `IsTitlecase` widen
 * to every cased letter under `(?i)` only.
 */
import { describe, expect, test } from "vitest";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { disagreements, stringsOver } from "../../helpers/agrees-with-java.js";
import { hasJava } from "../../helpers/java-checker.js";
import { javaVerdictsOnce } from "../../helpers/java-verdicts-once.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";

const NOT_A_NAME = ["XXLu", "ZZL", "XXAlphabetic", "Alphabetic", "Uppercase", "isL"];

describe("a name that is not Java's: skipped, and refused by Java", () => {
  test.each(NOT_A_NAME)("\\p{%s}", (name) => {
    expect(translatePattern(`\\p{${name}}`)).toEqual({
      kind: "skip",
      reason: `not translated: the property \\p{${name}} is not one this translator knows (at offset 0)`,
    });
  });

  test.skipIf(!hasJava)("Java refuses every one of them", () => {
    const verdicts = javaVerdictsOnce(NOT_A_NAME.map((name) => ({ pattern: `\\p{${name}}`, strings: [] })));
    expect(verdicts.map((verdict) => verdict.error?.startsWith("Unknown character property name"))).toEqual(
      NOT_A_NAME.map(() => true),
    );
  });
});

const PATTERNS = [
  "\\p{IsUppercase}",
  "\\p{IsLowercase}",
  "\\p{IsTitlecase}",
  "(?i)\\p{IsTitlecase}",
  "(?i)\\p{IsLowercase}",
  "\\p{IsUPPERCASE}",
  "\\p{Isalphabetic}",
  "\\p{IsLu}",
  "\\P{IsLl}",
];
// Cased letters of each kind, a letter that is Lowercase but not Ll (ª), a number that is Uppercase (Ⅻ), none.
const strings = [...stringsOver(["a", "A", "\u01c5", "\u00aa", "\u216b", "\u2170", "\u4e2d", "1"], 1)];
const cases = PATTERNS.map((pattern) => ({ pattern, strings }));

describe.skipIf(!hasJava)("names Java knows, against Java's Matcher.matches()", async () => {
  const { matchesLinear } = await linearEngine();
  test.each(PATTERNS.map((pattern, i) => [pattern, i] as const))("%s matches what Java matches", (pattern, i) => {
    expect(disagreements(pattern, strings, javaVerdictsOnce(cases)[i]!, matchesLinear)).toEqual([]);
  });
});

if (!hasJava) test.skip("property names against Java: skipped, no `java`/`javac` on the PATH", () => {});
