/**
 * What the proof that V8 may run a pattern itself (linear-analysis.ts) looks at: the characters that can come next
 * from the start and from after every character, so an ambiguity after a first character counts as much as one at
 * the start; anchors (`^`, `$`, `\A`) are stepped over, not stopped at; and two ways to one point with no
 * character between them (an empty loop, two empty options) are an ambiguity too, whatever follows.
 */
import { expect, test } from "vitest";
import { compileProgram } from "../../../src/emit/patterns/compile-program.js";
import { backtrackingIsLinear } from "../../../src/emit/patterns/linear-analysis.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";

const proved = (pattern: string): boolean => backtrackingIsLinear(compileProgram(parseJavaRegex(pattern).root));

test.each(["ab|ac", "(?:a|ab)c", "a?a"])("ambiguous at the start only: %s is left to the linear matcher", (p) => {
  expect(proved(p)).toBe(false);
  expect(translatePattern(p).kind).toBe("linear");
});

test.each(["x(?:a|a)*", "-[a-z]+[a-z0-9]*", "xy(?:a*)*b", "[a-z]:\\d*\\d"])(
  "ambiguous only after a first character: %s is left to the linear matcher",
  (p) => {
    expect(proved(p)).toBe(false);
    expect(translatePattern(p).kind).toBe("linear");
  },
);

test.each(["\\A(?:a|ab)c", "(?m)^(?:a|ab)c", "x$?(?:b|bc)"])(
  "ambiguous past an anchor, which the proof steps over: %s is left to the linear matcher",
  (p) => {
    expect(proved(p)).toBe(false);
  },
);

test.each(["(?:x?|y?)", "a(?:x?|y?)", "(?:a?)*b"])(
  "two empty ways to one point: %s is left to the linear matcher",
  (p) => {
    expect(proved(p)).toBe(false);
  },
);

test.each(["xa*b", "[a-z]:\\d+", "ab|cd", "x(?:ab|cd)*e", "-?\\d+(?:\\.\\d+)?"])(
  "deterministic from every point: %s runs on V8's own RegExp",
  (p) => {
    expect(proved(p)).toBe(true);
    expect(translatePattern(p).kind).toBe("regex");
  },
);
