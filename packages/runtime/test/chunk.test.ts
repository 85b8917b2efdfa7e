/**
 * Chunking a request into AddJobFlowSteps calls: a size below one step (or not a number) is refused with a
 * RangeError that says what it was, never an endless loop or a call of no steps; the edges keep every step once.
 * (The invariant over any items and size is the property in pure.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { chunk } from "../src/internal/chunk.js";

describe("chunk", () => {
  it.each([0, -1, 0.5, Number.NaN])("refuses a chunk size of %d", (size) => {
    expect(() => chunk([1, 2, 3], size)).toThrow(new RangeError(`chunk size must be ≥ 1, but is ${size}`));
  });

  it("takes a size of exactly one: one step per call", () => {
    expect(chunk(["a", "b", "c"], 1)).toEqual([["a"], ["b"], ["c"]]);
  });

  it("no steps make no calls; steps fewer than the size make one call", () => {
    expect(chunk([], 256)).toEqual([]);
    expect(chunk(["a", "b"], 256)).toEqual([["a", "b"]]);
    expect(chunk(["a", "b", "c"], 2)).toEqual([["a", "b"], ["c"]]);
  });
});
