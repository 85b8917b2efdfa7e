/**
 * duplicate-step-name compares names pairwise up to 32 steps and looks them up in a Map past that (a speed choice):
 * the warnings must not depend on which side of the cut-over a request falls. Stated two ways: every request, of
 * any length around 32, warns exactly where a naive scan finds an earlier step of the same name, naming the first
 * such step; and adding steps at the end never changes the warnings of the steps before them.
 */
import { validate } from "@emrkit/dsl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { request, step } from "./requests.js";

/** Each warning as `Steps[i].Name → Steps[first].Name`. */
function warnings(names: readonly unknown[]): string[] {
  const input = request(names.map((name) => step("x", { Name: name })));
  return validate(input)
    .issues.filter((issue) => issue.code === "duplicate-step-name")
    .map((issue) => `${issue.path} → ${/Steps\[\d+\]\.Name/.exec(issue.message)?.[0]}`);
}

/** The first earlier step with the same string name, for every step that has one. */
function naive(names: readonly unknown[]): string[] {
  return names.flatMap((name, i) => {
    if (typeof name !== "string") return [];
    const first = names.slice(0, i).indexOf(name);
    return first < 0 ? [] : [`Steps[${i}].Name → Steps[${first}].Name`];
  });
}

// Names that share prefixes, lengths and last characters, so that every shortcut of the comparison is tried;
// and names that are no string, which are never anyone's duplicate.
const name = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("", "a", "b", "ab", "ba", "bb", "nightly-1", "nightly-2", "nightly-11") },
  { weight: 3, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(7, null, undefined, ["a"]) },
);
// Around the cut-over: each length from 28 to 40 as likely as any other, and a few well past it.
const names = fc.integer({ min: 28, max: 70 }).chain((n) => fc.array(name, { minLength: n, maxLength: n }));

describe("duplicate-step-name gives the same warnings below, at and above 32 steps", () => {
  it("warns where a naive scan finds an earlier step of the name, naming the first", () => {
    fc.assert(
      fc.property(names, (list) => {
        expect(warnings(list)).toEqual(naive(list));
      }),
      { numRuns: 300 },
    );
  });

  it("steps added at the end never change the earlier steps' warnings", () => {
    fc.assert(
      fc.property(names, fc.integer({ min: 1, max: 40 }), (list, cut) => {
        const head = list.slice(0, Math.min(cut, list.length));
        const before = (warning: string) => Number(/^Steps\[(\d+)\]/.exec(warning)![1]) < head.length;
        expect(warnings(list).filter(before)).toEqual(warnings(head));
      }),
      { numRuns: 300 },
    );
  });

  it.each([31, 32, 33])("%i steps: every name twice, each copy pointing at its first", (n) => {
    const list = Array.from({ length: n }, (_, i) => `step-${i % Math.ceil(n / 2)}`);
    expect(warnings(list)).toEqual(naive(list));
    expect(warnings(list)).toHaveLength(n - Math.ceil(n / 2));
  });
});
