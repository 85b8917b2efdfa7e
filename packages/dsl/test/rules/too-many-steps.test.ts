/** 256 steps a request; with activeSteps, 256 PENDING + RUNNING once the request is added. */
import { MAX_STEPS_PER_REQUEST } from "@emrkit/dsl";
import { boundaryTable } from "./boundary-table.js";
import { request, step } from "./requests.js";

const steps = (n: number, name = (i: number) => `s${i}`) => Array.from({ length: n }, (_, i) => step(name(i)));
const ok: string[] = [];
const bad = ["too-many-steps@Steps"];

boundaryTable("too-many-steps", [
  { edge: "at the limit", what: "256 steps", input: request(steps(MAX_STEPS_PER_REQUEST)), expected: ok },
  { edge: "one over", what: "257 steps", input: request(steps(MAX_STEPS_PER_REQUEST + 1)), expected: bad },
  {
    edge: "at the limit",
    what: "246 active + 10",
    input: request(steps(10)),
    context: { activeSteps: 246 },
    expected: ok,
  },
  {
    edge: "one over",
    what: "247 active + 10",
    input: request(steps(10)),
    context: { activeSteps: 247 },
    expected: bad,
  },
  { edge: "one over", what: "256 active + 1", input: request(steps(1)), context: { activeSteps: 256 }, expected: bad },
  { edge: "empty", what: "no steps", input: request([]), expected: ok },
  {
    edge: "empty",
    what: "no active steps and 256 new",
    input: request(steps(256)),
    context: { activeSteps: 0 },
    expected: ok,
  },
  { edge: "astral", what: "257 steps with astral names", input: request(steps(257, (i) => `😀${i}`)), expected: bad },
  {
    edge: "whitespace",
    what: "256 steps named with spaces",
    input: request(steps(256, (i) => ` s ${i} `)),
    expected: ok,
  },
]);
