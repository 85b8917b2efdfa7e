import { RULE_SOURCES } from "./limits.js";
import { forEachStep, jarStepOf, type Rule, runsCommandRunner } from "./rule.js";

const source = RULE_SOURCES["empty-command-runner-arg"];

/** Warns about an empty-string argument to command-runner.jar, which drops it (the command sees one fewer). */
export const emptyCommandRunnerArg: Rule = {
  code: "empty-command-runner-arg",
  source,
  check(input, issues) {
    forEachStep(input, (step, index) => {
      const jarStep = jarStepOf(step);
      if (jarStep === undefined || !runsCommandRunner(jarStep) || !Array.isArray(jarStep.Args)) return;
      const args = jarStep.Args as unknown[];
      for (let i = 0; i < args.length; i++) {
        if (args[i] !== "") continue;
        issues.push({
          code: "empty-command-runner-arg",
          severity: "warning",
          path: `Steps[${index}].HadoopJarStep.Args[${i}]`,
          message: "is an empty string, which command-runner.jar drops: the command receives one argument fewer",
          source,
        });
      }
    });
  },
};
