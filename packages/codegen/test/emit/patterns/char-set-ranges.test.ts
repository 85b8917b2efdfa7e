/** fromRanges takes ranges in any order, overlapping or not; one whose end comes before its start is empty. */
import { expect, test } from "vitest";
import { fromRanges } from "../../../src/emit/patterns/char-set.js";

test("a range whose end is before its start adds nothing", () => {
  expect(fromRanges([[0x61, 0x60]])).toEqual([]);
  expect(
    fromRanges([
      [5, 3],
      [1, 2],
      [10, 12],
      [20, 11],
    ]),
  ).toEqual([1, 2, 10, 12]);
});

test("ranges in any order, overlapping or adjacent, become sorted, disjoint, non-adjacent ones", () => {
  expect(
    fromRanges([
      [10, 12],
      [1, 2],
      [3, 4],
      [11, 15],
      [20, 20],
    ]),
  ).toEqual([1, 4, 10, 15, 20, 20]);
});
