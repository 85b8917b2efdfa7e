import { compileProgram, type Program } from "../../src/emit/patterns/compile-program.js";
import { parseJavaRegex } from "../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../src/emit/patterns/translate-pattern.js";
import type { JavaVerdicts } from "./java-checker.js";

/** Every string over `alphabet` up to `length` characters, the empty one first. */
export function* stringsOver(alphabet: readonly string[], length: number): Generator<string> {
  yield "";
  let level = [""];
  for (let n = 1; n <= length; n++) {
    level = level.flatMap((prefix) => alphabet.map((c) => prefix + c));
    yield* level;
  }
}

type MatchesLinear = (program: Program, text: string) => boolean;

/**
 * Where the generated code's two ways of checking `pattern` (the RegExp and the linear-time matcher) disagree with
 * Java's `Matcher.matches()` on `strings`, one line each; a pattern the translator skips is a disagreement too.
 */
export function disagreements(
  pattern: string,
  strings: readonly string[],
  java: JavaVerdicts,
  matchesLinear: MatchesLinear,
): string[] {
  if (java.error !== undefined) return [`Java refuses it: ${java.error}`];
  const plan = translatePattern(pattern);
  if (plan.kind === "skip") return [`skipped: ${plan.reason}`];
  const regex = new RegExp(plan.source, "u");
  const program = plan.kind === "linear" ? plan.program : compileProgram(parseJavaRegex(pattern).root);
  return strings.flatMap((text, k) => {
    const expected = java.matches[k];
    const out: string[] = [];
    if (regex.test(text) !== expected) out.push(`RegExp on ${JSON.stringify(text)}: Java says ${expected}`);
    if (matchesLinear(program, text) !== expected) out.push(`linear on ${JSON.stringify(text)}: Java says ${expected}`);
    return out;
  });
}
