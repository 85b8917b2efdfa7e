/**
 * The read-once check: `fromJson(value)` reads a request once, into the plain copy it checks and returns, however
 * the input answers (getters, Proxies); every check sees the same value and what it returns is that value. And the
 * copy keeps what the model refuses (a Date, a Map, a class instance where a structure goes) as it is.
 */
import { fromJson, type StepConfig, validate } from "@emrkit/dsl";
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

/** The request fromJson returned, or the issues' codes when it refused. */
function read(value: unknown): unknown {
  const result = fromJson(value);
  if (!result.ok) return result.issues.map((issue) => issue.code);
  return result.kind === "request" ? result.request : result.steps;
}

describe("fromJson(value) reads its input once", () => {
  it("reads every member of a valid request at most once, and returns it whole", () => {
    fc.assert(
      fc.property(validRequest(), (request) => {
        const { value, mostReads } = counted(request);
        const returned = read(value);
        expect(mostReads()).toBe(1);
        expect(returned).toEqual(request);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the verdict of the plain request through counting Proxies, for requests with an error", () => {
    fc.assert(
      fc.property(requestWithOneViolation(), ({ request, context }) => {
        const { value, mostReads } = counted(request);
        const through = fromJson(value, context);
        expect(mostReads()).toBeLessThanOrEqual(1);
        expect(through.issues).toEqual(validate(request, context).issues);
      }),
      { numRuns: 150 },
    );
  });

  it("checks what a getter answered first, and returns that", () => {
    const shortFirst = read({ JobFlowId: "j-1", Steps: [shifty(SHORT, LONG)] });
    expect(JSON.stringify(shortFirst)).not.toContain("x".repeat(1_002));
    expect((shortFirst as { Steps: StepConfig[] }).Steps[0]?.HadoopJarStep.Args).toEqual(SHORT);
    expect(read({ JobFlowId: "j-1", Steps: [shifty(LONG, SHORT)] })).toEqual(["hadoop-jar-step-too-long"]);
  });

  it("reads a bare list of steps once too", () => {
    const { value, mostReads } = counted([shifty(SHORT, LONG)]);
    const returned = read(value) as StepConfig[];
    expect(mostReads()).toBe(1);
    expect(returned[0]?.HadoopJarStep.Args).toEqual(SHORT);
  });
});

describe("the copy keeps what the checks refuse", () => {
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
  ])("fromJson refuses %s where a structure goes, as validate does", (_label, value) => {
    const request = { JobFlowId: "j-1", Steps: [{ Name: "a", HadoopJarStep: value }] };
    for (const result of [fromJson(request), validate(request)]) {
      expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["type@Steps[0].HadoopJarStep"]);
    }
  });
  it("fromJson refuses a step that is a class instance, as validate does", () => {
    const request = { JobFlowId: "j-1", Steps: [new StepClass()] };
    for (const result of [fromJson(request), validate(request)]) {
      expect(result.issues.map((issue) => `${issue.code}@${issue.path}`)).toEqual(["type@Steps[0]"]);
    }
  });
});
