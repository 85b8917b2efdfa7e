/**
 * translatePattern decides whether V8 may run a pattern on a copy with every count cut to two required and two
 * optional copies (so a `{0,1024}` is never unrolled for the proof). The cut must never change the answer: on
 * random small patterns with counts, the plan is the RegExp exactly when the proof on the full counts holds.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { compileProgram } from "../../../src/emit/patterns/compile-program.js";
import { backtrackingIsLinear } from "../../../src/emit/patterns/linear-analysis.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { smallPatterns } from "../../helpers/small-patterns.js";

const atom = fc.constantFrom("a", "b", "[ab]", "[bc]", ".", "a?", "x");
const count = fc.constantFrom("*", "+", "?", "{3}", "{0,3}", "{1,4}", "{2,5}", "{2,}", "{4,}", "{0,1}", "{5}");
const pattern = smallPatterns(atom, count);

test("the proof on the cut counts is the proof on the full ones", () => {
  fc.assert(
    fc.property(pattern, (p) => {
      const plan = translatePattern(p);
      if (plan.kind === "skip") return;
      const full = backtrackingIsLinear(compileProgram(parseJavaRegex(p).root));
      expect(plan.kind, p).toBe(full ? "regex" : "linear");
    }),
    { numRuns: 1000 },
  );
});

test.each([
  ["a{2,}b", "regex"],
  ["a{0,5}b", "regex"],
  ["(?:ab){3,}", "regex"],
  ["a{2,}a", "linear"],
  ["a{0,5}a", "linear"],
  ["(?:a|b){2,4}b", "linear"],
  ["(?:a{2,3}){2}", "linear"],
] as const)("%s: %s", (p, kind) => {
  expect(translatePattern(p).kind).toBe(kind);
});
