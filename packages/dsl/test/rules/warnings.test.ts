/** The warnings: deprecated-action-on-failure, steps-after-terminate, empty-command-runner-arg, command-line-in-one-arg. */
import { boundaryTable } from "./boundary-table.js";
import { request, step } from "./requests.js";

const acting = (...actions: unknown[]) => request(actions.map((a, i) => step(`s${i}`, { ActionOnFailure: a })));
const runner = (args: unknown[], jar = "command-runner.jar") =>
  request([{ Name: "a", HadoopJarStep: { Jar: jar, Args: args } }]);

boundaryTable("deprecated-action-on-failure", [
  {
    edge: "at the limit",
    what: "TERMINATE_JOB_FLOW",
    input: acting("TERMINATE_JOB_FLOW"),
    expected: ["deprecated-action-on-failure@Steps[0].ActionOnFailure"],
  },
  { edge: "one over", what: "TERMINATE_CLUSTER", input: acting("TERMINATE_CLUSTER"), expected: [] },
  { edge: "empty", what: "an empty action", input: acting(""), expected: [] },
  { edge: "whitespace", what: "a space before it", input: acting(" TERMINATE_JOB_FLOW"), expected: [] },
  { edge: "astral", what: "an astral character after it", input: acting("TERMINATE_JOB_FLOW😀"), expected: [] },
]);

boundaryTable("steps-after-terminate", [
  {
    edge: "at the limit",
    what: "the last step terminates",
    input: acting("CONTINUE", "TERMINATE_CLUSTER"),
    expected: [],
  },
  {
    edge: "one over",
    what: "one step follows",
    input: acting("TERMINATE_CLUSTER", "CONTINUE"),
    expected: ["steps-after-terminate@Steps[0].ActionOnFailure"],
  },
  {
    edge: "one over",
    what: "the deprecated spelling",
    input: acting("TERMINATE_JOB_FLOW", "CONTINUE", "CONTINUE"),
    expected: ["steps-after-terminate@Steps[0].ActionOnFailure"],
  },
  { edge: "empty", what: "an empty action", input: acting("", "CONTINUE"), expected: [] },
  { edge: "whitespace", what: "a space after it", input: acting("TERMINATE_CLUSTER ", "CONTINUE"), expected: [] },
  {
    edge: "astral",
    what: "an astral character after it",
    input: acting("TERMINATE_CLUSTER😀", "CONTINUE"),
    expected: [],
  },
]);

boundaryTable("empty-command-runner-arg", [
  {
    edge: "at the limit",
    what: "an empty argument",
    input: runner(["echo", ""]),
    expected: ["empty-command-runner-arg@Steps[0].HadoopJarStep.Args[1]"],
  },
  { edge: "one over", what: "an argument of one character", input: runner(["echo", "a"]), expected: [] },
  {
    edge: "empty",
    what: "an empty argument to another jar",
    input: runner(["echo", ""], "s3://b/app.jar"),
    expected: [],
  },
  {
    edge: "empty",
    what: "command-runner.jar at a path",
    input: runner(["", "x", ""], "s3://b/command-runner.jar"),
    expected: [
      "empty-command-runner-arg@Steps[0].HadoopJarStep.Args[0]",
      "empty-command-runner-arg@Steps[0].HadoopJarStep.Args[2]",
    ],
  },
  { edge: "whitespace", what: "an argument of one space", input: runner(["echo", " "]), expected: [] },
  {
    edge: "whitespace",
    what: "the jar name with a space",
    input: runner(["echo", ""], "command-runner.jar "),
    expected: [],
  },
  { edge: "astral", what: "an astral argument", input: runner(["echo", "😀"]), expected: [] },
]);

boundaryTable("command-line-in-one-arg", [
  { edge: "at the limit", what: "one word", input: runner(["spark-submit", "--x"]), expected: [] },
  {
    edge: "one over",
    what: "two words",
    input: runner(["spark-submit --x"]),
    expected: ["command-line-in-one-arg@Steps[0].HadoopJarStep.Args[0]"],
  },
  { edge: "empty", what: "an empty program", input: runner([""]), expected: [] },
  { edge: "empty", what: "no arguments", input: runner([]), expected: [] },
  { edge: "whitespace", what: "spaces around one word", input: runner([" spark-submit "]), expected: [] },
  {
    edge: "whitespace",
    what: "a no-break space between words",
    input: runner(["a\u00a0b"]),
    expected: ["command-line-in-one-arg@Steps[0].HadoopJarStep.Args[0]"],
  },
  {
    edge: "astral",
    what: "two astral words",
    input: runner(["😀 😀"]),
    expected: ["command-line-in-one-arg@Steps[0].HadoopJarStep.Args[0]"],
  },
  { edge: "astral", what: "another jar", input: runner(["spark-submit --x"], "s3://b/app.jar"), expected: [] },
]);
