/** With StepConcurrencyLevel above 1, EMR refuses CANCEL_AND_WAIT, TERMINATE_CLUSTER and TERMINATE_JOB_FLOW. */
import { boundaryTable } from "./boundary-table.js";
import { request, step } from "./requests.js";

const acting = (action: unknown) => request([step("a", { ActionOnFailure: action })]);
const ok: string[] = [];
const bad = ["action-on-failure-with-concurrency@Steps[0].ActionOnFailure"];

boundaryTable("action-on-failure-with-concurrency", [
  {
    edge: "at the limit",
    what: "CANCEL_AND_WAIT at level 1",
    input: acting("CANCEL_AND_WAIT"),
    context: { stepConcurrencyLevel: 1 },
    expected: ok,
  },
  {
    edge: "one over",
    what: "CANCEL_AND_WAIT at level 2",
    input: acting("CANCEL_AND_WAIT"),
    context: { stepConcurrencyLevel: 2 },
    expected: bad,
  },
  {
    edge: "one over",
    what: "TERMINATE_CLUSTER at level 2",
    input: acting("TERMINATE_CLUSTER"),
    context: { stepConcurrencyLevel: 2 },
    expected: bad,
  },
  {
    edge: "one over",
    what: "TERMINATE_JOB_FLOW at level 2",
    input: acting("TERMINATE_JOB_FLOW"),
    context: { stepConcurrencyLevel: 2 },
    expected: bad,
  },
  {
    edge: "at the limit",
    what: "TERMINATE_JOB_FLOW at level 256",
    input: acting("TERMINATE_JOB_FLOW"),
    context: { stepConcurrencyLevel: 256 },
    expected: bad,
  },
  {
    edge: "at the limit",
    what: "CONTINUE at level 256",
    input: acting("CONTINUE"),
    context: { stepConcurrencyLevel: 256 },
    expected: ok,
  },
  {
    edge: "empty",
    what: "no ActionOnFailure at level 2 (EMR's default is not documented)",
    input: request([{ Name: "a", HadoopJarStep: { Jar: "j" } }]),
    context: { stepConcurrencyLevel: 2 },
    expected: ok,
  },
  {
    edge: "empty",
    what: "an empty ActionOnFailure (the model's enum refuses it)",
    input: acting(""),
    context: { stepConcurrencyLevel: 2 },
    expected: ok,
  },
  { edge: "empty", what: "no level: the rule does not run", input: acting("CANCEL_AND_WAIT"), expected: ok },
  {
    edge: "whitespace",
    what: "a space after the action (the model's enum refuses it)",
    input: acting("CANCEL_AND_WAIT "),
    context: { stepConcurrencyLevel: 2 },
    expected: ok,
  },
  {
    edge: "astral",
    what: "an astral character after the action",
    input: acting("TERMINATE_CLUSTER😀"),
    context: { stepConcurrencyLevel: 2 },
    expected: ok,
  },
]);
