import type { Issue } from "../issues/issue.js";
import { RULE_SOURCES } from "./limits.js";
import type { Rule, RuleInput, StepView } from "./rule.js";

const source = RULE_SOURCES["empty-command-runner-arg"];

/** Warns about an empty-string argument to command-runner.jar, which drops it (the command sees one fewer). */
export const emptyCommandRunnerArg: Rule = {
  code: "empty-command-runner-arg",
  source,
  checkSteps(views, input, issues) {
    for (const view of views) checkEmptyCommandRunnerArgStep(view, input, issues);
  },
};

/** The rule on one step (validate calls it directly, in one pass over the steps). */
export function checkEmptyCommandRunnerArgStep(
  { args, commandRunner, firstEmptyArg, index }: StepView,
  _input: RuleInput,
  issues: Issue[],
): void {
  // The view found the first empty argument while summing lengths: most steps have none, and cost nothing here.
  if (!commandRunner || args === undefined || firstEmptyArg < 0) return;
  for (let i = firstEmptyArg; i < args.length; i++) {
    if (args[i] !== "") continue;
    issues.push({
      code: "empty-command-runner-arg",
      severity: "warning",
      path: `Steps[${index}].HadoopJarStep.Args[${i}]`,
      message: "is an empty string, which command-runner.jar drops: the command receives one argument fewer",
      source,
    });
  }
}
