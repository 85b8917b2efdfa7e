import type { Issue } from "../issues/issue.js";
import { MAX_HADOOP_JAR_STEP_CHARACTERS, RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";

const source = RULE_SOURCES["hadoop-jar-step-too-long"];

/**
 * The strings of one HadoopJarStep (Jar, MainClass, every Arg, every property Key and Value) total at most 10,240
 * characters. EMR says "characters" and not which: a Java service's String.length() counts UTF-16 units, Python's
 * len() and the model's length traits code points. The rule counts UTF-16 units, the larger count, so that what it
 * accepts fits under either reading; the two differ only for astral characters (emoji, some CJK), each two units
 * and one code point. Near the limit with astral characters, a step that is under in code points but over in
 * units is an error here although EMR may take it; the message gives both counts.
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
  const actual = unitTotal(jarStep, view.argUnits);
  if (actual <= MAX_HADOOP_JAR_STEP_CHARACTERS) return;
  const points = total(jarStep, codePointLength);
  const counted = points === actual ? "characters" : `UTF-16 units (${points} code points)`;
  issues.push({
    code: "hadoop-jar-step-too-long",
    severity: "error",
    path: `Steps[${index}].HadoopJarStep`,
    message: `has ${actual} ${counted} in its jar, main class, arguments and properties, but at most ${MAX_HADOOP_JAR_STEP_CHARACTERS} are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)`,
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
export function unitTotal(jarStep: Record<string, unknown>, argUnits: number): number {
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
