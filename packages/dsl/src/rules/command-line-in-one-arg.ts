import { RULE_SOURCES } from "./limits.js";
import { forEachStep, jarStepOf, type Rule, runsCommandRunner } from "./rule.js";
import { shown } from "./shown.js";

const source = RULE_SOURCES["command-line-in-one-arg"];

/**
 * Warns when command-runner.jar's first argument (the program) has a space in it: a whole command line passed as
 * one argument, which EMR runs as one program name and fails.
 */
export const commandLineInOneArg: Rule = {
  code: "command-line-in-one-arg",
  source,
  check(input, issues) {
    forEachStep(input, (step, index) => {
      const jarStep = jarStepOf(step);
      if (jarStep === undefined || !runsCommandRunner(jarStep) || !Array.isArray(jarStep.Args)) return;
      const program: unknown = jarStep.Args[0];
      if (typeof program !== "string" || !/\s/.test(program.trim())) return;
      issues.push({
        code: "command-line-in-one-arg",
        severity: "warning",
        path: `Steps[${index}].HadoopJarStep.Args[0]`,
        message: `is ${shown(program)}, a whole command line in one argument, which EMR runs as one program name; pass each word as its own argument`,
        source,
        suggestion: program.trim().split(/\s+/).join(" "),
      });
    });
  },
};
