import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunk } from "../src/internal/chunk.js";
import { dependencyOrder } from "../src/internal/dependency-order.js";
import { planPoll } from "../src/internal/poll-plan.js";
import { backoffDelay, nextPollInterval } from "../src/internal/retry-policy.js";
import {
  newSubmission,
  readToken,
  TOKEN_CHARACTERS,
  TOKEN_PROPERTY,
  tokenOf,
  withToken,
} from "../src/internal/submission.js";

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

describe("the submission token", () => {
  const step = (Name: string, Args: string[], Properties?: { Key: string; Value: string }[]) => ({
    Name,
    HadoopJarStep: { Jar: "command-runner.jar", Args, ...(Properties ? { Properties } : {}) },
  });
  const listed = (config: ReturnType<typeof withToken>, Id = "s-1") => ({
    Id,
    Name: config.Name,
    Config: {
      Jar: config.HadoopJarStep?.Jar,
      Args: config.HadoopJarStep?.Args,
      Properties: Object.fromEntries((config.HadoopJarStep?.Properties ?? []).map((p) => [p.Key, p.Value])),
    },
  });
  const arbitrarySteps = fc.array(
    fc.record({ name: fc.string(), args: fc.array(fc.string(), { maxLength: 4 }) }).map((s) => step(s.name, s.args)),
    { minLength: 1, maxLength: 6 },
  );

  it("reads back what it wrote, for every step of any request, keeping the step's own properties", () => {
    fc.assert(
      fc.property(arbitrarySteps, fc.option(fc.string({ minLength: 1 }), { nil: undefined }), (steps, key) => {
        const submission = newSubmission(steps, undefined, key);
        steps.forEach((s, index) => {
          const sent = withToken(
            { ...s, HadoopJarStep: { ...s.HadoopJarStep, Properties: [{ Key: "k", Value: "v" }] } },
            tokenOf(submission, index),
          );
          expect(sent.HadoopJarStep?.Properties?.[0]).toEqual({ Key: "k", Value: "v" });
          expect(readToken(listed(sent))).toEqual({ id: submission.id, fingerprint: submission.fingerprint, index });
          expect(TOKEN_PROPERTY.length + tokenOf(submission, index).length).toBeLessThanOrEqual(TOKEN_CHARACTERS);
        });
      }),
    );
  });

  it("an idempotency key gives the same id and fingerprint in another process; without one, every run is new", () => {
    fc.assert(
      fc.property(arbitrarySteps, fc.string({ minLength: 1 }), (steps, key) => {
        const copy = structuredClone(steps);
        expect(newSubmission(copy, undefined, key)).toEqual(newSubmission(steps, undefined, key));
        expect(newSubmission(steps, undefined).id).not.toBe(newSubmission(steps, undefined).id);
      }),
    );
  });

  it("the fingerprint changes with the request's content, not with its key order or a token it already carries", () => {
    const a = [step("a", ["x"])];
    const fingerprint = (steps: ReturnType<typeof step>[], role?: string) =>
      newSubmission(steps, role, "k").fingerprint;
    expect(fingerprint([step("a", ["y"])])).not.toBe(fingerprint(a));
    expect(fingerprint(a, "arn:aws:iam::123456789012:role/r")).not.toBe(fingerprint(a));
    expect(fingerprint([{ HadoopJarStep: { Args: ["x"], Jar: "command-runner.jar" }, Name: "a" }])).toBe(
      fingerprint(a),
    );
    const resent = withToken(a[0]!, tokenOf(newSubmission(a, undefined), 0));
    expect(fingerprint([resent as ReturnType<typeof step>])).toBe(fingerprint(a));
    // Sent again, a step carries one token: ours, not the one it came with.
    const twice = withToken(resent, "0123456789abcdef.0123456789ab.0");
    expect(twice.HadoopJarStep?.Properties?.filter((p) => p.Key === TOKEN_PROPERTY)).toHaveLength(1);
  });

  it("a step without our token, or with a malformed one, is nobody's", () => {
    expect(readToken({ Id: "s-1", Config: { Jar: "x", Properties: {} } })).toBeUndefined();
    expect(
      readToken({ Id: "s-1", Config: { Jar: "x", Properties: { [TOKEN_PROPERTY]: "abc.def.1" } } }),
    ).toBeUndefined();
  });
});
