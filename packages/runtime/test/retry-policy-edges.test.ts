/**
 * The retry policy at its edges (retry-policy.ts): causes nested or cyclic, an AggregateError that proves nothing,
 * a clock correction of exactly the threshold either way, and the backoff's exact ceilings.
 */
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  CLOCK_CORRECTION_MS,
  classifyFailure,
  nextPollInterval,
  noteClockCorrection,
} from "../src/internal/retry-policy.js";

const net = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
const wrapped = (inner: unknown, depth: number): unknown =>
  depth === 0 ? inner : wrapped(Object.assign(new Error("fetch failed"), { cause: inner }), depth - 1);

describe("classifyFailure on causes", () => {
  it("finds a lookup failure a few causes down: never sent", () => {
    expect(classifyFailure(wrapped(net("ENOTFOUND", "getaddrinfo"), 3))).toBe("not-sent");
  });

  it("ends on a cycle of causes (an error that is its own cause) rather than overflowing the stack", () => {
    const looped = new Error("looped");
    Object.assign(looped, { cause: looped });
    expect(classifyFailure(looped)).toBe("refused");
  });

  it("an AggregateError of no errors says nothing was sent no more than any other error", () => {
    expect(classifyFailure(new AggregateError([], "no addresses"))).toBe("refused");
  });

  it("an AggregateError is never-sent only when every address failed while connecting", () => {
    const mixed = new AggregateError([net("ECONNREFUSED", "connect"), net("ECONNRESET", "read")]);
    expect(classifyFailure(mixed)).not.toBe("not-sent");
    const all = new AggregateError([net("ECONNREFUSED", "connect"), net("EHOSTUNREACH", "connect")]);
    expect(classifyFailure(all)).toBe("not-sent");
  });
});

describe("noteClockCorrection at the threshold", () => {
  const error = () => ({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 400 } });

  it("a move of exactly CLOCK_CORRECTION_MS, either way, is a correction", () => {
    const forward = error();
    noteClockCorrection(forward, 0, CLOCK_CORRECTION_MS);
    expect(classifyFailure(forward)).toBe("clock-skew");
    const back = error();
    noteClockCorrection(back, CLOCK_CORRECTION_MS, 0);
    expect(classifyFailure(back)).toBe("clock-skew");
    const short = error();
    noteClockCorrection(short, CLOCK_CORRECTION_MS, 1);
    expect(classifyFailure(short)).toBe("refused");
  });

  it("leaves alone what it cannot mark: an error without $metadata, a value that is no object", () => {
    const bare = { name: "InvalidSignatureException" };
    noteClockCorrection(bare, 0, 600_000);
    expect(bare).toEqual({ name: "InvalidSignatureException" });
    expect(() => noteClockCorrection("boom", 0, 600_000)).not.toThrow();
    expect(() => noteClockCorrection(null, 0, 600_000)).not.toThrow();
  });
});

describe("backoffDelay's ceiling", () => {
  const top = () => 1 - Number.EPSILON;

  it("is the base at the first attempt, doubling with each, capped at the maximum", () => {
    expect([1, 2, 3, 4, 8].map((attempt) => backoffDelay(attempt, 100, 5_000, top))).toEqual([
      100, 200, 400, 800, 5_000,
    ]);
  });

  it("treats an attempt below one as the first, and waits at least 1 ms", () => {
    expect(backoffDelay(0, 100, 5_000, top)).toBe(100);
    expect(backoffDelay(3, 100, 5_000, () => 0)).toBe(1);
    expect(backoffDelay(3, 100, 5_000, () => 0.5)).toBe(200);
  });
});

describe("nextPollInterval", () => {
  it("rounds the ×1.5 step to whole milliseconds", () => {
    expect(nextPollInterval(101, false, 100, 10_000)).toBe(152);
    expect(nextPollInterval(333, false, 100, 10_000)).toBe(500);
  });
});
