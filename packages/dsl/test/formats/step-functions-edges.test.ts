/**
 * Step Functions at its edges: state names (at most 80 characters and unique, Amazon States Language), an empty
 * chain refused, and definitions that are not one chain of EMR addStep Task states refused, each naming the state.
 */
import { fromStepFunctions, type StepConfig, toStepFunctions } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

const step = (Name: string): StepConfig => ({ Name, ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "a.jar" } });
const names = (steps: StepConfig[]) => Object.keys(toStepFunctions(steps, { clusterId: "j-1" }).States);

describe("toStepFunctions' state names", () => {
  it("are the step names, numbered from (2) when one repeats, and a step with no name is named by its place", () => {
    expect(names([step("etl"), step("etl"), step("load"), step("etl"), step("")])).toEqual([
      "etl",
      "etl (2)",
      "load",
      "etl (3)",
      "Step 5",
    ]);
  });

  it("are cut to 80 characters, and to 70 before a number, so every name stays within 80", () => {
    const long = "x".repeat(100);
    const made = names([step(long), step(long), step(long)]);
    expect(made).toEqual(["x".repeat(80), `${"x".repeat(70)} (2)`, `${"x".repeat(70)} (3)`]);
    for (const name of made) expect(name.length).toBeLessThanOrEqual(80);
  });

  it("chain the states in the steps' order, the last one ending the machine", () => {
    const machine = toStepFunctions([step("a"), step("b")], { clusterId: "j-1" });
    expect(machine.StartAt).toBe("a");
    expect([machine.States.a!.Next, machine.States.a!.End, machine.States.b!.Next, machine.States.b!.End]).toEqual([
      "b",
      undefined,
      undefined,
      true,
    ]);
  });

  it("need at least one step", () => {
    expect(() => toStepFunctions([], { clusterId: "j-1" })).toThrow(
      "toStepFunctions: a state machine needs at least one step",
    );
  });
});

describe("fromStepFunctions refuses what is not one chain of EMR steps", () => {
  const task = (Name: string, more: object = {}) => ({
    Type: "Task",
    Resource: "arn:aws:states:::elasticmapreduce:addStep.sync",
    Parameters: { ClusterId: "j-1", Step: step(Name) },
    ...more,
  });

  it("a loop, named at the state it comes back to", () => {
    const machine = { StartAt: "a", States: { a: task("a", { Next: "b" }), b: task("b", { Next: "a" }) } };
    expect(() => fromStepFunctions(machine)).toThrow('fromStepFunctions: the states loop at "a"');
  });

  it("a Next or StartAt naming no state, an inherited name included", () => {
    expect(() => fromStepFunctions({ StartAt: "a", States: { a: task("a", { Next: "gone" }) } })).toThrow(
      'fromStepFunctions: no state named "gone"',
    );
    expect(() => fromStepFunctions({ StartAt: "toString", States: {} })).toThrow(
      'fromStepFunctions: no state named "toString"',
    );
  });

  it("a state that does not add an EMR step, or has no Resource", () => {
    const lambda = { ...task("a"), Resource: "arn:aws:states:::lambda:invoke" };
    expect(() => fromStepFunctions({ StartAt: "a", States: { a: lambda } })).toThrow(
      'fromStepFunctions: state "a" does not add an EMR step',
    );
    const { Resource: _, ...bare } = task("a");
    expect(() => fromStepFunctions({ StartAt: "a", States: { a: bare } })).toThrow(
      'fromStepFunctions: state "a" does not add an EMR step',
    );
    // addStep without .sync adds the step too (it does not wait): still a step.
    const [read] = fromStepFunctions({
      StartAt: "a",
      States: { a: { ...task("a"), Resource: "arn:aws:states:::elasticmapreduce:addStep" } },
    });
    expect(read!.Name).toBe("a");
  });

  it("text that is not JSON, saying why", () => {
    expect(() => fromStepFunctions("{ StartAt: a")).toThrow(/^fromStepFunctions: the input is not JSON \(.+\)$/);
    expect(fromStepFunctions(JSON.stringify({ StartAt: "a", States: { a: task("a") } }))).toEqual([step("a")]);
  });
});
