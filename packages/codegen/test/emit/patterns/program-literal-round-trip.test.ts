/**
 * The generated shape tests carry a linear-time program as TypeScript source (programLiteral): read back, that
 * source must be the very program compiled — its instructions, sets, lookaround programs (nested, behind or ahead,
 * negated or not) and the word sets of `\b` — or the generated check runs another pattern than the model's.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { compileProgram, type Program, ProgramError } from "../../../src/emit/patterns/compile-program.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { programLiteral } from "../../../src/emit/patterns/program-literal.js";
import { smallPatterns } from "../../helpers/small-patterns.js";

const readBack = (literal: string): Program => new Function(`return (${literal});`)() as Program;

function compiled(pattern: string): Program | undefined {
  try {
    return compileProgram(parseJavaRegex(pattern).root);
  } catch (error) {
    if (error instanceof ProgramError) return undefined;
    throw error;
  }
}

test.each(["a", "[a-c]+x", "(?=a).", "(?<!b)a(?=(?!c).)", "\\bword\\b", "a\\B.", "(?<=\\ba)b|x"])(
  "%s: the literal reads back as the program",
  (pattern) => {
    const program = compiled(pattern)!;
    expect(readBack(programLiteral(program))).toEqual(program);
  },
);

test("a program without `\\b` carries no word sets, one with it carries all three", () => {
  expect(readBack(programLiteral(compiled("a+")!))).not.toHaveProperty("word");
  expect(readBack(programLiteral(compiled("\\ba")!)).word).toHaveLength(3);
});

test("on random patterns of sets, lookarounds and `\\b`, every literal reads back as its program", () => {
  const atom = fc.constantFrom("a", "[b-d]", ".", "\\s", "$", "\\b", "\\B", "(?=a)", "(?!b)", "(?<=a)", "(?<!c)");
  const pattern = smallPatterns(atom, fc.constantFrom("*", "+", "?", "{2}"), ["(?:", "(?=", "(?!", "(?<=", "(?<!"]);
  fc.assert(
    fc.property(pattern, (p) => {
      const program = compiled(p);
      if (program !== undefined) expect(readBack(programLiteral(program))).toEqual(program);
    }),
    { numRuns: 300 },
  );
});
