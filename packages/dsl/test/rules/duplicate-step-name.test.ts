/**
 * Every step whose name an earlier step has, compared with every earlier step, whatever the earlier names are
 * (the rule switches from pairwise comparison to a Map past 32 steps).
 */
import { boundaryTable } from "./boundary-table.js";
import { request, step } from "./requests.js";

const named = (names: unknown[]) => request(names.map((name) => step("x", { Name: name })));
const dupes = (...indexes: number[]) => indexes.map((i) => `duplicate-step-name@Steps[${i}].Name`);
const spread = (n: number, at: Record<number, unknown>) =>
  Array.from({ length: n }, (_, i) => (i in at ? at[i] : `s${i}`));

boundaryTable("duplicate-step-name", [
  {
    edge: "at the limit",
    what: "32 steps, the last repeating the first",
    input: named(spread(32, { 31: "s0" })),
    expected: dupes(31),
  },
  {
    edge: "one over",
    what: "33 steps, the last repeating the first",
    input: named(spread(33, { 32: "s0" })),
    expected: dupes(32),
  },
  {
    edge: "one over",
    what: "40 steps, Steps[1].Name not a string, the last repeating the first",
    input: named(spread(40, { 1: 7, 39: "s0" })),
    expected: dupes(39),
  },
  {
    edge: "one over",
    what: "40 steps, Steps[0].Name not a string, a later pair",
    input: named(spread(40, { 0: null, 5: "s3" })),
    expected: dupes(5),
  },
  {
    edge: "pairs",
    what: "a duplicate of the second step, not of the first",
    input: named(["a", "b", "b"]),
    expected: dupes(2),
  },
  {
    edge: "pairs",
    what: "40 steps, a duplicate of the 20th",
    input: named(spread(40, { 35: "s20" })),
    expected: dupes(35),
  },
  { edge: "pairs", what: "three of one name", input: named(["a", "a", "a"]), expected: dupes(1, 2) },
  {
    edge: "pairs",
    what: "a name that is no string before a pair",
    input: named([7, "a", null, "a"]),
    expected: dupes(3),
  },
  { edge: "pairs", what: "the same length and last character", input: named(["ab", "cb"]), expected: [] },
  { edge: "empty", what: "two empty names", input: named(["", ""]), expected: dupes(1) },
  { edge: "empty", what: "one step", input: named(["a"]), expected: [] },
  { edge: "whitespace", what: "a name and the same with a trailing space", input: named(["a", "a "]), expected: [] },
  { edge: "whitespace", what: "two names of one space", input: named([" ", " "]), expected: dupes(1) },
  { edge: "astral", what: "two astral names", input: named(["😀", "😀"]), expected: dupes(1) },
  {
    edge: "astral",
    what: "two astral characters that differ in their low surrogate",
    input: named(["😀", "😁"]),
    expected: [],
  },
]);
