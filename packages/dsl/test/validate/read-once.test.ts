/**
 * validate reads its input once: into the plain copy it checks and hands back as `checked`. However the input
 * answers (getters, Proxies), every check sees the same value, and `checked` is that value: sending it sends what
 * was checked. Without the copy the model's check and the rules each read the members, and a getter can answer
 * one value to each.
 */
import { type AddJobFlowStepsInput, type StepConfig, validate, validateSteps } from "@emrkit/dsl";
import { requestWithOneViolation, validRequest } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** The value behind Proxies that count every read of every member, at every depth. */
function counted<T>(value: T): { value: T; mostReads: () => number } {
  const reads = new Map<object, Map<PropertyKey, number>>();
  const wrap = (target: unknown): unknown => {
    if (typeof target !== "object" || target === null) return target;
    const perKey = new Map<PropertyKey, number>();
    reads.set(target, perKey);
    const children = new Map<PropertyKey, unknown>();
    return new Proxy(target, {
      get(object, key, receiver) {
        const own = Object.hasOwn(object, key);
        if (own) perKey.set(key, (perKey.get(key) ?? 0) + 1);
        const found = Reflect.get(object, key, receiver);
        if (!own) return found;
        if (!children.has(key)) children.set(key, wrap(found));
        return children.get(key);
      },
    });
  };
  const mostReads = () => {
    let most = 0;
    for (const perKey of reads.values()) for (const n of perKey.values()) most = Math.max(most, n);
    return most;
  };
  return { value: wrap(value) as T, mostReads };
}

/** A step whose Args answer `first` to the first read and `later` to every read after it. */
function shifty(first: string[], later: string[]): StepConfig {
  let reads = 0;
  const jarStep = { Jar: "command-runner.jar" } as { Jar: string; Args: string[] };
  Object.defineProperty(jarStep, "Args", { enumerable: true, get: () => (reads++ === 0 ? first : later) });
  return { Name: "a", ActionOnFailure: "CONTINUE", HadoopJarStep: jarStep };
}

const SHORT = ["echo"];
const LONG = Array.from({ length: 20 }, () => "x".repeat(1_002));

describe("validate reads its input once", () => {
  it("reads every member of a valid request at most once", () => {
    fc.assert(
      fc.property(validRequest(), (request) => {
        const { value, mostReads } = counted(request);
        const result = validate(value);
        expect(result.ok).toBe(true);
        expect(mostReads()).toBe(1);
        expect(result.checked).toEqual(request);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same verdict through counting Proxies as on the plain request, for requests with an error", () => {
    fc.assert(
      fc.property(requestWithOneViolation(), ({ request, context }) => {
        const { value, mostReads } = counted(request);
        const through = validate(value, context);
        expect(mostReads()).toBeLessThanOrEqual(1);
        expect(through.issues).toEqual(validate(request, context).issues);
      }),
      { numRuns: 150 },
    );
  });

  it("checks what a getter answered first, and returns that as `checked`", () => {
    const shortFirst = validate({ JobFlowId: "j-1", Steps: [shifty(SHORT, LONG)] });
    expect(shortFirst.issues).toEqual([]);
    expect(JSON.stringify(shortFirst.checked)).not.toContain("x".repeat(1_002));
    const longFirst = validate({ JobFlowId: "j-1", Steps: [shifty(LONG, SHORT)] });
    expect(longFirst.issues.map((issue) => issue.code)).toEqual(["hadoop-jar-step-too-long"]);
    expect(JSON.stringify(longFirst.checked)).toContain("x".repeat(1_002));
  });

  it("validateSteps reads once too, and returns the checked steps", () => {
    const { value, mostReads } = counted([shifty(SHORT, LONG)]);
    const result = validateSteps(value);
    expect(mostReads()).toBe(1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.checked[0]?.HadoopJarStep.Args).toEqual(SHORT);
  });

  it("narrows `checked` to the request's type when ok", () => {
    const result = validate({ JobFlowId: "j-1", Steps: [{ Name: "a", HadoopJarStep: { Jar: "j" } }] });
    if (!result.ok) throw new Error("expected a valid request");
    const checked: AddJobFlowStepsInput = result.checked;
    expect(checked.Steps[0]?.Name).toBe("a");
  });

  it("makes a getter that throws an issue at the root, and still checks the context", () => {
    const step = { Name: "a" } as Record<string, unknown>;
    Object.defineProperty(step, "HadoopJarStep", {
      enumerable: true,
      get: () => {
        throw new Error("no");
      },
    });
    const result = validate({ JobFlowId: "j-1", Steps: [step] });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["type@"]);
    expect(() => validate({ JobFlowId: "j-1", Steps: [step] }, { activeSteps: Number.NaN })).toThrow(RangeError);
  });
});

describe("validate's copy keeps what the checks refuse", () => {
  class StepClass {
    Name = "a";
    HadoopJarStep = { Jar: "j" };
  }
  it.each([
    ["a Date", new Date(0)],
    ["a Map", new Map([["Jar", "j"]])],
    [
      "a class instance",
      new (class Jar {
        Jar = "j";
      })(),
    ],
  ])("refuses %s where a structure goes, as the model's check does", (_label, value) => {
    const result = validate({ JobFlowId: "j-1", Steps: [{ Name: "a", HadoopJarStep: value }] });
    expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["type@Steps[0].HadoopJarStep"]);
  });
  it("refuses a step that is a class instance", () => {
    const result = validate({ JobFlowId: "j-1", Steps: [new StepClass()] });
    expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["type@Steps[0]"]);
  });
});
