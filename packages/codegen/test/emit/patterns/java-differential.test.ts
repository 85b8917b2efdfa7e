/**
 * Every model pattern, checked against Java itself: a small Java checker (`Pattern.compile(p).matcher(s).matches()`)
 * gives its verdict on strings made from each pattern's own structure plus hostile characters, and the generated
 * JavaScript must agree on every one. With EMRKIT_STRESS=1, many more strings; with every service's model in
 * models/all or $EMRKIT_MODELS_DIR/all (where CI's shared models keep them), every pattern of every service, and the
 * figures: how many translate exactly, how many are listed as skipped and why.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compileProgram, type Program, ProgramError } from "../../../src/emit/patterns/compile-program.js";
import { parseJavaRegex } from "../../../src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../../../src/emit/patterns/translate-pattern.js";
import { hasJava, javaVerdicts } from "../../helpers/java-checker.js";
import { linearEngine } from "../../helpers/linear-engine-module.js";
import { hasModel, MODELS_DIR, serviceModels } from "../../helpers/models.js";
import { patternStrings } from "../../helpers/pattern-strings.js";

const STRESS = process.env.EMRKIT_STRESS === "1";
const STRINGS = STRESS ? 400 : 40;
const ALL = [
  join(MODELS_DIR, "all"),
  ...(process.env.EMRKIT_MODELS_DIR ? [join(process.env.EMRKIT_MODELS_DIR, "all")] : []),
].find((dir) => existsSync(join(dir, "botocore")));

/** Every distinct pattern a model file holds (botocore `pattern`, Smithy `smithy.api#pattern`). */
function patternsIn(files: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if ((key === "pattern" || key === "smithy.api#pattern") && typeof value === "string") found.add(value);
        else walk(value);
      }
  };
  for (const file of files) if (existsSync(file)) walk(JSON.parse(readFileSync(file, "utf8")));
  return [...found].sort();
}

const { matchesLinear } = await linearEngine();

interface Outcome {
  translated: number;
  /** Of those, how many the generated code runs on the linear-time matcher. */
  linear: number;
  listed: Map<string, number>;
  disagreements: string[];
}

function compare(patterns: readonly string[], strings: number): Outcome {
  const cases = patterns.map((pattern, i) => {
    let texts: string[] = [];
    try {
      texts = patternStrings(parseJavaRegex(pattern).root, strings, i + 1);
    } catch {}
    return { pattern, strings: texts };
  });
  const verdicts = javaVerdicts(cases);
  const outcome: Outcome = { translated: 0, linear: 0, listed: new Map(), disagreements: [] };
  cases.forEach(({ pattern, strings: texts }, i) => {
    const java = verdicts[i]!;
    const plan = translatePattern(pattern);
    if (plan.kind === "skip") {
      const why = plan.reason.replace(/ \(at offset \d+\)$/, "").replace(/\\p\{[^}]*\}/, "\\p{…}");
      outcome.listed.set(why, (outcome.listed.get(why) ?? 0) + 1);
      // "Java refuses it" must be true; any other skip is of a pattern Java accepts.
      if (plan.reason.startsWith("Java refuses") !== (java.error !== undefined))
        outcome.disagreements.push(
          `${JSON.stringify(pattern)}: we say "${plan.reason}", Java says ${java.error ?? "ok"}`,
        );
      return;
    }
    if (java.error !== undefined) {
      outcome.disagreements.push(`${JSON.stringify(pattern)}: Java refuses it (${java.error}), we check it`);
      return;
    }
    outcome.translated++;
    if (plan.kind === "linear") outcome.linear++;
    // Both ways of checking, whichever the generated code uses: the RegExp and the linear-time matcher.
    const regex = new RegExp(plan.source, "u");
    const program = plan.kind === "linear" ? plan.program : programOrNone(pattern);
    texts.forEach((text, k) => {
      const expected = java.matches[k];
      if (regex.test(text) !== expected)
        outcome.disagreements.push(`${JSON.stringify(pattern)} on ${JSON.stringify(text)}: Java says ${expected}`);
      if (program && matchesLinear(program, text) !== expected)
        outcome.disagreements.push(
          `linear: ${JSON.stringify(pattern)} on ${JSON.stringify(text)}: Java says ${expected}`,
        );
    });
  });
  return outcome;
}

/** The matcher's program for a pattern V8 runs itself, unless it is too big to unroll (`.{1,100000}`). */
function programOrNone(pattern: string): Program | undefined {
  try {
    return compileProgram(parseJavaRegex(pattern).root);
  } catch (error) {
    if (error instanceof ProgramError) return undefined;
    throw error;
  }
}

function figures(label: string, patterns: readonly string[], outcome: Outcome): string {
  const listed = [...outcome.listed].sort((a, b) => b[1] - a[1]);
  const total = listed.reduce((sum, [, n]) => sum + n, 0);
  return [
    `${label}: ${patterns.length} distinct patterns, ${outcome.translated} translated exactly (${outcome.linear} of them on the linear-time matcher), ${total} listed`,
    ...listed.map(([why, n]) => `  ${n} × ${why}`),
  ].join("\n");
}

describe.skipIf(!hasJava)("model patterns against Java's Matcher.matches()", () => {
  test.skipIf(!serviceModels().every(hasModel))(
    `every pattern of the models in models/, on ${STRINGS} strings each`,
    () => {
      const patterns = patternsIn(serviceModels());
      expect(patterns.length).toBeGreaterThan(50);
      const outcome = compare(patterns, STRINGS);
      console.log(figures("models/", patterns, outcome));
      expect(outcome.disagreements).toEqual([]);
      expect(outcome.translated).toBe(patterns.length);
    },
    120_000,
  );

  test.skipIf(!ALL)(
    "every pattern of every service (models/all): translated exactly or listed",
    () => {
      const files = ["botocore", "smithy"].flatMap((format) =>
        readdirSync(join(ALL!, format)).map((file) => join(ALL!, format, file)),
      );
      const patterns = patternsIn(files);
      const outcome = compare(patterns, STRESS ? STRINGS : 12);
      console.log(figures(`every service in ${ALL}`, patterns, outcome));
      expect(outcome.disagreements).toEqual([]);
    },
    600_000,
  );
});

// Without Java the run shows why these tests did not run, rather than leaving them out silently.
if (!hasJava) test.skip("model patterns against Java: skipped, no `java`/`javac` on the PATH", () => {});
