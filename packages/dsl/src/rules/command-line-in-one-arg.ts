import type { Issue } from "../issues/issue.js";
import { redact } from "../secrets/secret.js";
import { RULE_SOURCES } from "./limits.js";
import { type Rule, type RuleInput, rememberingTest, type StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["command-line-in-one-arg"];
/** At most one word, white space around it allowed: no `\S\s+\S` anywhere. */
const ONE_WORD = /^\s*\S*\s*$/;
/** Every step of a request tends to run the same program (spark-submit): it is matched once. */
export const isOneWord = rememberingTest(ONE_WORD);

/**
 * Warns when command-runner.jar's first argument (the program) has a space in it: a whole command line passed as
 * one argument, which EMR runs as one program name and fails.
 */
export const commandLineInOneArg: Rule = {
  code: "command-line-in-one-arg",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkCommandLineInOneArgStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkCommandLineInOneArgStep(
  { args, commandRunner, index }: StepView,
  _input: RuleInput,
  issues: Issue[],
): void {
  if (!commandRunner || args === undefined) return;
  const program: unknown = args[0];
  if (typeof program !== "string" || isOneWord(program)) return;
  issues.push({
    code: "command-line-in-one-arg",
    severity: "warning",
    path: `Steps[${index}].HadoopJarStep.Args[0]`,
    message: `is ${shown(program)}, a whole command line in one argument, which EMR runs as one program name; pass each word as its own argument`,
    source,
    // Redacted before the words are split: a secret with a run of spaces would no longer be known once joined.
    suggestion: redact(program).trim().split(/\s+/).join(" "),
  });
}
