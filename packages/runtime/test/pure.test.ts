import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findChunk } from "../src/internal/add-steps-once.js";
import { chunk } from "../src/internal/chunk.js";
import { dependencyOrder } from "../src/internal/dependency-order.js";
import { planPoll } from "../src/internal/poll-plan.js";
import { backoffDelay, classifyFailure, nextPollInterval } from "../src/internal/retry-policy.js";

describe("chunk", () => {
  it("keeps every item once, in order, in chunks of at most the size", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 300 }), (items, size) => {
        const chunks = chunk(items, size);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((c) => c.length >= 1 && c.length <= size)).toBe(true);
        expect(chunks.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });
});

describe("backoff", () => {
  it("stays within [1, min(max, base·2^(n-1))]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, r) => {
          const delay = backoffDelay(n, base, 5000, () => r);
          expect(delay).toBeGreaterThanOrEqual(1);
          expect(delay).toBeLessThanOrEqual(Math.max(1, Math.min(5000, base * 2 ** (n - 1))));
        },
      ),
    );
  });

  it("poll interval grows ×1.5 to the maximum while nothing changes, and resets on a change", () => {
    expect(nextPollInterval(100, false, 100, 1000)).toBe(150);
    expect(nextPollInterval(900, false, 100, 1000)).toBe(1000);
    expect(nextPollInterval(1000, true, 100, 1000)).toBe(100);
  });
});

describe("classifyFailure", () => {
  it.each([
    [{ name: "ThrottlingException", $metadata: { httpStatusCode: 400 } }, "throttled"],
    [{ name: "X", $metadata: { httpStatusCode: 429 } }, "throttled"],
    [{ name: "InternalServerError", $metadata: { httpStatusCode: 500 } }, "server"],
    [{ name: "ValidationException", $metadata: { httpStatusCode: 400 } }, "refused"],
    [Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "outcome-unknown"],
    [Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "server"],
    [{ name: "TimeoutError" }, "outcome-unknown"],
  ])("%o is %s", (error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe("planPoll", () => {
  it("picks whichever needs fewer ListSteps calls", () => {
    expect(planPoll(3, 600)).toBe("filtered");
    expect(planPoll(256, 256)).toBe("pages");
    expect(planPoll(10, 50)).toBe("filtered");
    expect(planPoll(11, 50)).toBe("pages");
  });
});

describe("dependencyOrder", () => {
  const step = (Name: string) => ({ Name });
  it("puts every step after what it comes after, otherwise keeping the request order", () => {
    const order = dependencyOrder([step("report"), step("load"), step("transform"), step("other")], {
      report: ["transform"],
      transform: ["load"],
    });
    expect(order.map((s) => s.Name)).toEqual(["load", "transform", "report", "other"]);
  });
  it("refuses a cycle, naming the steps", () => {
    expect(() => dependencyOrder([step("a"), step("b")], { a: ["b"], b: ["a"] })).toThrow(/cycle among: a, b/);
  });
  it("is a permutation that respects every edge (random DAGs)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat())), (n, edges) => {
        const names = Array.from({ length: n }, (_, i) => `s${i}`);
        const after: Record<string, string[]> = {};
        for (const [a, b] of edges) {
          const [lo, hi] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
          if (lo !== hi) after[`s${hi}`] = [...(after[`s${hi}`] ?? []), `s${lo}`];
        }
        const order = dependencyOrder(names.map(step).reverse(), after).map((s) => s.Name ?? "");
        expect([...order].sort()).toEqual([...names].sort());
        for (const [name, deps] of Object.entries(after)) {
          for (const dep of deps) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(name));
        }
      }),
    );
  });
});

describe("findChunk", () => {
  const summary = (Id: string, Name: string, Args: string[]) => ({
    Id,
    Name,
    Config: { Jar: "command-runner.jar", Args },
  });
  const config = (Name: string, Args: string[]) => ({ Name, HadoopJarStep: { Jar: "command-runner.jar", Args } });
  it("finds the chunk as a consecutive run among steps added since, by name, jar and args", () => {
    const added = [summary("s-1", "other", []), summary("s-2", "a", ["x"]), summary("s-3", "b", ["y"])];
    expect(findChunk(added, [config("a", ["x"]), config("b", ["y"])])).toEqual(["s-2", "s-3"]);
    expect(findChunk(added, [config("a", ["x"]), config("b", ["z"])])).toBeUndefined();
    expect(findChunk([], [config("a", [])])).toBeUndefined();
  });
});
