import type { Issue } from "../issues/issue.js";
import { MAX_HADOOP_JAR_STEP_CHARACTERS, RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";

const source = RULE_SOURCES["hadoop-jar-step-too-long"];

/**
 * The strings of one HadoopJarStep (Jar, MainClass, every Arg, every property Key and Value) total at most 10,240
 * characters. Characters are Unicode code points, as the model measures every length (a surrogate pair is one);
 * UTF-16 units are summed first, and code points counted only when the units exceed the limit, since a string
 * never has more code points than units.
 */
export const hadoopJarStepTooLong: Rule = {
  code: "hadoop-jar-step-too-long",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkHadoopJarStepTooLongStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkHadoopJarStepTooLongStep(view: StepView, _input: RuleInput, issues: Issue[]): void {
  const { jarStep, index } = view;
  if (jarStep === undefined) return;
  if (unitTotal(jarStep, view.argUnits) <= MAX_HADOOP_JAR_STEP_CHARACTERS) return;
  const actual = total(jarStep, codePointLength);
  if (actual <= MAX_HADOOP_JAR_STEP_CHARACTERS) return;
  issues.push({
    code: "hadoop-jar-step-too-long",
    severity: "error",
    path: `Steps[${index}].HadoopJarStep`,
    message: `has ${actual} characters in its jar, main class, arguments and properties, but at most ${MAX_HADOOP_JAR_STEP_CHARACTERS} are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS)`,
    source,
    limit: MAX_HADOOP_JAR_STEP_CHARACTERS,
    actual,
  });
}

/** The summed length of every string in a HadoopJarStep; values of the wrong type count nothing. */
export function total(jarStep: Record<string, unknown>, length: (s: string) => number): number {
  let sum = 0;
  const { Jar, MainClass, Args, Properties } = jarStep;
  if (typeof Jar === "string") sum += length(Jar);
  if (typeof MainClass === "string") sum += length(MainClass);
  if (Array.isArray(Args)) for (const arg of Args) if (typeof arg === "string") sum += length(arg);
  if (Array.isArray(Properties)) {
    for (const property of Properties) {
      if (typeof property !== "object" || property === null) continue;
      const { Key, Value } = property as Record<string, unknown>;
      if (typeof Key === "string") sum += length(Key);
      if (typeof Value === "string") sum += length(Value);
    }
  }
  return sum;
}

/** `total` in UTF-16 units, without a callback, the Args already summed by the step's view: the common case. */
function unitTotal(jarStep: Record<string, unknown>, argUnits: number): number {
  let sum = argUnits;
  const { Jar, MainClass, Properties } = jarStep;
  if (typeof Jar === "string") sum += Jar.length;
  if (typeof MainClass === "string") sum += MainClass.length;
  if (Array.isArray(Properties)) {
    for (const property of Properties) {
      if (typeof property !== "object" || property === null) continue;
      const { Key, Value } = property as Record<string, unknown>;
      if (typeof Key === "string") sum += Key.length;
      if (typeof Value === "string") sum += Value.length;
    }
  }
  return sum;
}

/** Code points: a surrogate pair counts once, a lone surrogate once. */
export function codePointLength(s: string): number {
  let points = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}
