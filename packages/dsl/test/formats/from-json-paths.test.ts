/**
 * fromJson tells where, in the input as the user gave it: `[2].Name` in a bare list, `Name` (or `["bad key"]`) in
 * one step, `Steps[0]…` in an object with Steps; and why it could not read an input at all, text or value alike.
 * Also: a state named "__proto__" in toStepFunctions' machine is an ordinary member, one the user can change.
 */
import { fromJson, toStepFunctions } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { jsonReason } from "./json-reason.js";

const MODEL = "EMR API model (emr-2009-03-31)";
const good = { Name: "a", ActionOnFailure: "CONTINUE" as const, HadoopJarStep: { Jar: "a.jar" } };
const paths = (input: unknown) => fromJson(input).issues.map((issue) => `${issue.code}@${issue.path}`);
const unread = (message: string) => ({
  ok: false,
  issues: [{ code: "type", severity: "error", path: "", message, source: MODEL }],
});

describe("fromJson's paths", () => {
  it("one step: from the step itself, a key that is no identifier included", () => {
    const { Name: _, ...nameless } = good;
    for (const input of [nameless, JSON.stringify(nameless)]) expect(paths(input)).toEqual(["required@Name"]);
    expect(paths({ ...good, "bad key": 1 })).toEqual(['unknown-member@["bad key"]']);
  });

  it("a bare list: from the list, by index; an object with Steps: from the object", () => {
    expect(paths([good, { ...good, Name: "b", ActionOnFailure: "RETRY" }])).toEqual(["enum@[1].ActionOnFailure"]);
    expect(paths([null])).toEqual(["type@[0]"]);
    expect(paths({ Steps: [good, { Name: "b" }] })).toEqual(["required@Steps[1].HadoopJarStep"]);
  });

  it("null: neither a request nor a step, told as the list it could have been", () => {
    expect(fromJson(null)).toStrictEqual({
      ok: false,
      issues: [{ code: "type", severity: "error", path: "", message: "must be a list, but is null", source: MODEL }],
    });
  });
});

describe("an input fromJson cannot read", () => {
  it("text that is not JSON, with JSON's reason", () => {
    const why = jsonReason("[{");
    expect(fromJson("[{")).toStrictEqual(unread(`is not JSON: ${why}`));
  });

  it("a value whose reading throws, with what was thrown, an Error or not", () => {
    const trap = (thrown: unknown) => ({
      get JobFlowId() {
        throw thrown;
      },
    });
    expect(fromJson(trap(new Error("getter says no")))).toStrictEqual(
      unread("could not be read as plain data: getter says no"),
    );
    expect(fromJson(trap(undefined))).toStrictEqual(unread("could not be read as plain data: undefined"));
  });
});

describe("toStepFunctions' states", () => {
  it("are ordinary members even for a step named __proto__: listed, replaceable, removable", () => {
    const machine = toStepFunctions([{ ...good, Name: "__proto__" }], { clusterId: "j-1" });
    expect(Object.keys(machine.States)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(machine.States, "__proto__")).toMatchObject({
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const key = "__proto__" as string;
    const state = machine.States[key]!;
    machine.States[key] = { ...state, Parameters: { ...state.Parameters, ClusterId: "j-2" } };
    expect(machine.States[key]!.Parameters.ClusterId).toBe("j-2");
    expect(delete machine.States[key]).toBe(true);
    expect(Object.keys(machine.States)).toEqual([]);
  });
});
