import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileProgram } from "../../../src/emit/patterns/compile-program.js";
import { emitJsRegex } from "../../../src/emit/patterns/emit-js-regex.js";
import { backtrackingIsLinear } from "../../../src/emit/patterns/linear-analysis.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";

const linear = (pattern: string): boolean => backtrackingIsLinear(compileProgram(parseJavaRegex(pattern).root));

describe("which patterns V8 may run itself", () => {
  test.each([
    "[a-z0-9-]{1,63}",
    "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*",
    "arn:aws:iam::\\d{12}:role/[\\w+=,.@-]+",
    "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*",
    "(?i)[a-z]{2,4}$",
  ])("proved linear: %s", (pattern) => expect(linear(pattern)).toBe(true));

  test.each(["(a|a)*", "(a*)*b", "a*a*", "[a-z]+[a-z0-9]*", "(?=.*x)[a-z]+", "\\bword\\b", "a{0,3}?a"])(
    "left to the linear matcher: %s",
    (pattern) => expect(linear(pattern)).toBe(false),
  );
});

test("a possessive quantifier or an atomic group on more than one set: listed, not a crash", () => {
  for (const pattern of ["(ab)*+", "(?>ab|a)c"])
    expect(translatePattern(pattern)).toEqual({
      kind: "skip",
      reason: "no linear-time check for it: a possessive quantifier or atomic group on more than one set",
    });
});

test("a count too big to unroll: decided on two copies of each part", () => {
  expect(translatePattern("^.{1,100000}$").kind).toBe("regex");
  expect(translatePattern("[a-z]{1,100000}[a-z0-9]").kind).toBe("skip");
  expect(translatePattern("(?:[a-z]{2}-){1,100000}").kind).toBe("regex");
});

describe("the linear matcher and the emitted RegExp agree (both from the same tree)", async () => {
  const { matchesLinear } = await linearEngine();
  // Small patterns over a tiny alphabet, where ambiguity, lookarounds and anchors meet.
  const atom = fc.constantFrom(
    "a",
    "b",
    "[ab]",
    ".",
    "\\s",
    "$",
    "(?=a)",
    "(?!b)",
    "(?<=a)",
    "\\b",
    "\\n",
    "\\r",
    "$\\s+",
    "(?m)^",
  );
  const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
    p: fc.oneof(
      { depthSize: "small" },
      atom,
      fc.tuple(tie("p"), tie("p")).map(([x, y]) => `${x}${y}`),
      fc.tuple(tie("p"), tie("p")).map(([x, y]) => `(?:${x}|${y})`),
      fc.tuple(tie("p"), fc.constantFrom("*", "+", "?", "{1,3}", "*+", "{0,2}?")).map(([x, q]) => `(?:${x})${q}`),
    ),
  })).p;
  const text = fc
    .array(fc.constantFrom("a", "b", "\n", "\r", " ", "\u00a0", "é"), { maxLength: 8 })
    .map((c) => c.join(""));
  test("on random patterns and strings", () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 10 }), (p, texts) => {
        let root: ReturnType<typeof parseJavaRegex>["root"];
        try {
          root = parseJavaRegex(p).root;
        } catch {
          return;
        }
        let program: ReturnType<typeof compileProgram>;
        try {
          program = compileProgram(root);
        } catch {
          return; // a possessive quantifier on a group: the linear matcher does not take it
        }
        const regex = new RegExp(emitJsRegex(root), "u");
        for (const t of texts) expect(matchesLinear(program, t), `${p} on ${JSON.stringify(t)}`).toBe(regex.test(t));
      }),
      { numRuns: process.env.EMRKIT_STRESS === "1" ? 20_000 : 500 },
    );
  });
});
