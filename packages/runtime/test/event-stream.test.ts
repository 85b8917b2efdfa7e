import { describe, expect, it } from "vitest";
import { makeRun } from "../src/internal/event-stream.js";
import type { RunEvent, RunResult } from "../src/types.js";

const result: RunResult = { ok: true, clusterId: "j-1", steps: [], cancelled: [], notSubmitted: [], apiCalls: {} };
const retry = (attempt: number): RunEvent => ({
  type: "retry",
  operation: "ListSteps",
  attempt,
  error: "x",
  delayMs: 1,
});

async function drain(run: AsyncIterable<RunEvent>): Promise<number[]> {
  const seen: number[] = [];
  for await (const event of run) if (event.type === "retry") seen.push(event.attempt);
  return seen;
}

describe("the Run object", () => {
  it("every iterator sees every event from the start, however late it begins, and the listener too", async () => {
    const heard: RunEvent[] = [];
    const run = makeRun(
      async (emit) => {
        emit(retry(1));
        await new Promise((resolve) => setTimeout(resolve, 5));
        emit(retry(2));
        return result;
      },
      (event) => heard.push(event),
    );
    const early = drain(run);
    await run.result;
    expect(await early).toEqual([1, 2]);
    expect(await drain(run)).toEqual([1, 2]);
    expect(heard).toHaveLength(2);
  });

  it("a failed run throws from the iterator and rejects the result", async () => {
    const run = makeRun(async (emit) => {
      emit(retry(1));
      throw new Error("refused");
    });
    await expect(drain(run)).rejects.toThrow("refused");
    await expect(run.result).rejects.toThrow("refused");
  });
});
