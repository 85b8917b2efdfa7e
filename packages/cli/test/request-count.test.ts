import type { StepConfig } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { requestCount } from "../src/request-count.js";

const steps = (n: number, prefix = "s"): StepConfig[] =>
  Array.from({ length: n }, (_, i) => ({ Name: `${prefix}${i}`, HadoopJarStep: { Jar: "x.jar" } }));

describe("requestCount", () => {
  it.each([
    [0, 0],
    [1, 1],
    [256, 1],
    [257, 2],
    [600, 3],
  ])("%i steps without dependencies take %i AddJobFlowSteps calls", (n, calls) => {
    expect(requestCount(steps(n))).toBe(calls);
  });

  it("a pipeline takes its calls per dependency level", () => {
    const all = [...steps(300, "a"), ...steps(2, "b")];
    const after = { b0: ["a0"], b1: ["b0"] };
    // Level 0: a0…a299 and nothing else (2 calls); level 1: b0; level 2: b1.
    expect(requestCount(all, after)).toBe(4);
  });
});
