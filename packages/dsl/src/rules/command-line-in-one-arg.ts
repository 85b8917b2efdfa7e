import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["command-line-in-one-arg"];
/** Words separated by white space, ignoring white space around them. */
const SEVERAL_WORDS = /\S\s+\S/;

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
  { jarStep, commandRunner, index }: StepView,
  _input: RuleInput,
  issues: Issue[],
): void {
  const args = jarStep?.Args;
  if (!commandRunner || !Array.isArray(args)) return;
  const program: unknown = args[0];
  if (typeof program !== "string" || !SEVERAL_WORDS.test(program)) return;
  issues.push({
    code: "command-line-in-one-arg",
    severity: "warning",
    path: `Steps[${index}].HadoopJarStep.Args[0]`,
    message: `is ${shown(program)}, a whole command line in one argument, which EMR runs as one program name; pass each word as its own argument`,
    source,
    suggestion: program.trim().split(/\s+/).join(" "),
  });
}
