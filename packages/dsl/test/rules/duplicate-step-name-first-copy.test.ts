/**
 * What the duplicate-name warning says: every later copy of a name points at the first step that has it (the one a
 * user would keep), in a short request and in a long one (the rule compares pairwise up to 32 steps and through a Map
 * past that); names that are not strings are the type checks' business, never a duplicate, however many steps.
 */
import { validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { request, step } from "./requests.js";

const named = (names: unknown[]) =>
  request(names.map((name) => (name === undefined ? { ...step("x"), Name: undefined } : step("x", { Name: name }))));
const spread = (n: number, at: Record<number, unknown>) =>
  Array.from({ length: n }, (_, i) => (i in at ? at[i] : `s${i}`));
const warnings = (names: unknown[]) =>
  validate(named(names))
    .issues.filter((issue) => issue.code === "duplicate-step-name")
    .map((issue) => `${issue.path} ${issue.message}`);

describe("duplicate-step-name points every copy at the first step of its name", () => {
  it("in a short request", () => {
    expect(warnings(["a", "b", "a", "a"])).toEqual([
      'Steps[2].Name is "a", the same as Steps[0].Name; steps with one name cannot be told apart',
      'Steps[3].Name is "a", the same as Steps[0].Name; steps with one name cannot be told apart',
    ]);
  });

  it("in a request of more than 32 steps", () => {
    expect(warnings(spread(40, { 20: "s3", 39: "s3" }))).toEqual([
      'Steps[20].Name is "s3", the same as Steps[3].Name; steps with one name cannot be told apart',
      'Steps[39].Name is "s3", the same as Steps[3].Name; steps with one name cannot be told apart',
    ]);
  });

  it("an empty first name, past 32 steps, is a name like any other", () => {
    expect(warnings(spread(40, { 0: "", 39: "" }))).toEqual([
      'Steps[39].Name is "", the same as Steps[0].Name; steps with one name cannot be told apart',
    ]);
  });
});

describe("duplicate-step-name leaves names that are not strings to the type checks", () => {
  it.each([
    ["numbers", 7],
    ["nulls", null],
    ["missing names", undefined],
    ["objects", { n: 1 }],
  ])("two %s are no duplicate, in a short request or a long one", (_label, name) => {
    expect(warnings([name, name])).toEqual([]);
    expect(warnings([name, "a", name])).toEqual([]);
    expect(warnings(spread(40, { 0: name, 1: name, 39: name }))).toEqual([]);
  });
});
