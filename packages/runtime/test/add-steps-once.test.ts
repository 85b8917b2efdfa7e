/**
 * The exactly-once read-back on its own (add-steps-once.ts), against a cluster's step list held here: it takes only
 * steps that carry this submission's tokens and sit above the watermark, the older copy when a token is there twice,
 * all of a chunk or nothing; it looks again, backing off from 100 ms to at most 2 s, until its window has passed
 * (never past it), and stops at once on an abort. The run over HTTP through faults is exactly-once.test.ts.
 */
import type { StepConfig, StepSummary } from "@aws-sdk/client-emr";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addStepsOnce, type Chunk, readBack } from "../src/internal/add-steps-once.js";
import { chunk } from "../src/internal/chunk.js";
import type { EmrCalls } from "../src/internal/emr-calls.js";
import { newSubmission, TOKEN_PROPERTY, tokenOf, withToken } from "../src/internal/submission.js";

const request: StepConfig[] = ["extract", "transform", "load"].map((Name) => ({
  Name,
  HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
}));
const submission = newSubmission(request, undefined);
const other = newSubmission(request, undefined);
const whole: Chunk = { steps: request.map((s, i) => withToken(s, tokenOf(submission, i))), indexes: [0, 1, 2] };

const listed = (Id: string, token?: string): StepSummary => ({
  Id,
  Config: { Jar: "command-runner.jar", Properties: token === undefined ? {} : { [TOKEN_PROPERTY]: token } },
});

/**
 * EmrCalls over a step list, newest first, served in pages of two; every ListSteps call's time is kept. An
 * AddJobFlowSteps is answered by `answer`, or, `lost`, as by EmrCalls after a failure that may have committed: with
 * what the read-back (onUnknown) finds, the failure thrown when it finds nothing.
 */
function cluster(
  steps: () => StepSummary[],
  { lost = false, answer = (n: number) => Array.from({ length: n }, (_, i) => `s-new-${i}`) } = {},
) {
  const listedAt: number[] = [];
  const sent: Record<string, unknown>[] = [];
  const calls = {
    async call(make: () => { input: Record<string, unknown> }, _safe: boolean, onUnknown?: () => Promise<unknown>) {
      const { input } = make();
      if (Array.isArray(input.Steps)) {
        sent.push(input);
        if (!lost) return { StepIds: answer(input.Steps.length) };
        const found = await onUnknown?.();
        if (found === undefined) throw new Error("socket hang up");
        return found;
      }
      const marker = Number(input.Marker ?? 0);
      if (marker === 0) listedAt.push(Date.now());
      // A read-back that never stops would spin here on microtasks alone, where no test timeout can end it.
      if (listedAt.length > 100) throw new Error("the read-back listed the steps 100 times: it does not stop");
      const all = steps();
      const next = marker + 2 < all.length ? String(marker + 2) : undefined;
      return { Steps: all.slice(marker, marker + 2), Marker: next };
    },
  } as unknown as EmrCalls;
  return { calls, listedAt, sent };
}

const options = (watermark: string | undefined, readBackWindowMs = 5_000, signal?: AbortSignal) => ({
  submission,
  watermark,
  readBackWindowMs,
  signal,
});

describe("readBack", () => {
  it("takes our steps in the request's order, from any page, stopping at the watermark", async () => {
    const { calls } = cluster(() => [
      listed("s-theirs", tokenOf(other, 0)),
      listed("s-2", tokenOf(submission, 2)),
      listed("s-plain"),
      listed("s-1", tokenOf(submission, 1)),
      listed("s-0", tokenOf(submission, 0)),
      listed("s-mark"),
      // Below the watermark: older than our call, so not from it, though it carries our token.
      listed("s-old-0", tokenOf(submission, 0)),
    ]);
    expect(await readBack(calls, "j-1", whole, options("s-mark"))).toEqual(["s-0", "s-1", "s-2"]);
  });

  it("takes the older of two steps with one token (the one that committed first)", async () => {
    const { calls } = cluster(() => [
      listed("s-0-again", tokenOf(submission, 0)),
      listed("s-1", tokenOf(submission, 1)),
      listed("s-2", tokenOf(submission, 2)),
      listed("s-0", tokenOf(submission, 0)),
    ]);
    expect(await readBack(calls, "j-1", whole, options(undefined))).toEqual(["s-0", "s-1", "s-2"]);
  });

  it("never takes a step that carries our token under a different fingerprint", async () => {
    const changed = { ...submission, fingerprint: "0123456789ab" };
    const { calls } = cluster(() => whole.indexes.map((i) => listed(`s-${i}`, tokenOf(changed, i))));
    expect(await readBack(calls, "j-1", whole, options(undefined, 0))).toBeUndefined();
  });

  it("steps with our tokens below the watermark are older than the call: not ours, so nothing is found", async () => {
    const { calls } = cluster(() => [
      listed("s-mark"),
      ...whole.indexes.map((i) => listed(`s-${i}`, tokenOf(submission, i))),
    ]);
    expect(await readBack(calls, "j-1", whole, options("s-mark", 0))).toBeUndefined();
  });

  it("a chunk seen in part at the end of the window is an error naming how many, never undefined (resent)", async () => {
    const { calls } = cluster(() => [listed("s-0", tokenOf(submission, 0)), listed("s-2", tokenOf(submission, 2))]);
    await expect(readBack(calls, "j-1", whole, options(undefined, 0))).rejects.toThrow(
      "AddJobFlowSteps: 2 of the 3 steps of one call are on the cluster after 0 ms; EMR adds a call's steps all or none, so this is not resent",
    );
    const one = cluster(() => [listed("s-1", tokenOf(submission, 1))]);
    await expect(readBack(one.calls, "j-1", whole, options(undefined, 0))).rejects.toThrow("1 of the 3 steps");
  });

  describe("timing", () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it("looks again, each pause twice the last from 100 ms up to 2 s, and gives up once its window has passed", async () => {
      const { calls, listedAt } = cluster(() => []);
      const started = Date.now();
      const found = readBack(calls, "j-1", whole, options(undefined, 6_000));
      await vi.runAllTimersAsync();
      expect(await found).toBeUndefined();
      const pauses = listedAt.map((at, i) => at - (listedAt[i - 1] ?? started));
      // The last pause is cut short at the window's end: the read-back never looks later than that.
      expect(pauses).toEqual([0, 100, 200, 400, 800, 1_600, 2_000, 900]);
    });

    it("finds a chunk that shows up late within the window", async () => {
      let shown = false;
      const { calls, listedAt } = cluster(() =>
        shown ? whole.indexes.map((i) => listed(`s-${i}`, tokenOf(submission, i))).reverse() : [],
      );
      setTimeout(() => {
        shown = true;
      }, 250);
      const found = readBack(calls, "j-1", whole, options(undefined, 6_000));
      await vi.runAllTimersAsync();
      expect(await found).toEqual(["s-0", "s-1", "s-2"]);
      expect(listedAt).toHaveLength(3); // at 0, 100 and 300 ms
    });

    it("an abort ends the looking at once, without waiting out the window", async () => {
      const abort = new AbortController();
      const { calls, listedAt } = cluster(() => []);
      setTimeout(() => abort.abort(), 150);
      const found = readBack(calls, "j-1", whole, options(undefined, 60_000, abort.signal));
      await vi.advanceTimersByTimeAsync(150);
      expect(await found).toBeUndefined();
      expect(listedAt).toHaveLength(3);
    });
  });
});

describe("addStepsOnce", () => {
  it("sends the chunk's steps as one AddJobFlowSteps, with the execution role only when there is one", async () => {
    const plain = cluster(() => []);
    await addStepsOnce(plain.calls, "j-1", whole, { ...options(undefined, 0), executionRoleArn: undefined });
    expect(plain.sent).toEqual([{ JobFlowId: "j-1", Steps: whole.steps }]);
    expect(Object.hasOwn(plain.sent[0]!, "ExecutionRoleArn")).toBe(false);
    const role = "arn:aws:iam::123456789012:role/steps";
    const withRole = cluster(() => []);
    await addStepsOnce(withRole.calls, "j-1", whole, { ...options(undefined, 0), executionRoleArn: role });
    expect(withRole.sent).toEqual([{ JobFlowId: "j-1", Steps: whole.steps, ExecutionRoleArn: role }]);
  });

  it("answers with the ids the read-back found when the call's outcome was unknown", async () => {
    const ours = () => whole.indexes.map((i) => listed(`s-${i}`, tokenOf(submission, i))).reverse();
    const { calls, sent } = cluster(ours, { lost: true });
    const options_ = { ...options(undefined, 0), executionRoleArn: undefined };
    expect(await addStepsOnce(calls, "j-1", whole, options_)).toEqual(["s-0", "s-1", "s-2"]);
    expect(sent).toHaveLength(1);
    await expect(addStepsOnce(cluster(() => [], { lost: true }).calls, "j-1", whole, options_)).rejects.toThrow(
      "socket hang up",
    );
  });

  it("refuses an answer with another number of step ids than steps sent", async () => {
    const options_ = { ...options(undefined, 0), executionRoleArn: undefined };
    const pair: Chunk = { steps: chunk(whole.steps, 2)[0]!, indexes: [0, 1] };
    expect(await addStepsOnce(cluster(() => []).calls, "j-1", pair, options_)).toEqual(["s-new-0", "s-new-1"]);
    const { calls } = cluster(() => [], { answer: () => ["s-new-0"] });
    await expect(addStepsOnce(calls, "j-1", pair, options_)).rejects.toThrow(
      "AddJobFlowSteps returned 1 step ids for 2 steps",
    );
    const none = cluster(() => [], { answer: () => undefined as unknown as string[] });
    await expect(addStepsOnce(none.calls, "j-1", pair, options_)).rejects.toThrow(
      "AddJobFlowSteps returned 0 step ids for 2 steps",
    );
  });
});
