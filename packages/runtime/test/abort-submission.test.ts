import { type RunEvent, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { clientFor, command, emulatorPerTest, fast } from "./support/emulator.js";
import { startFaultProxy } from "./support/fault-proxy.js";

/**
 * An abort while AddJobFlowSteps waits for a slow answer (awaited up to 5 request timeouts, 25 s here). The abort
 * reads back at once: steps found are reported and cancelled within a fraction of one request timeout. Steps not
 * found may still be added, so their answer is still awaited: a prompt end then would leave them running untracked.
 */
const open = emulatorPerTest();
const REQUEST_TIMEOUT_MS = 5_000;
const Steps = [command("first", "sleep", "5"), command("second", "sleep", "5")];

/** Runs `Steps` through `endpoint`, aborted 300 ms after preflight (AddJobFlowSteps is on its way then). */
async function abortedWhileSubmitting(JobFlowId: string, endpoint: string) {
  const client = clientFor(endpoint);
  const controller = new AbortController();
  let abortedAt = 0;
  const events: RunEvent[] = [];
  const onEvent = (e: RunEvent) => {
    events.push(e);
    if (e.type === "preflight")
      setTimeout(() => {
        abortedAt = Date.now();
        controller.abort();
      }, 300);
  };
  const options = { ...fast, requestTimeoutMs: REQUEST_TIMEOUT_MS, cancelGraceMs: 200, readBackWindowMs: 60_000 };
  try {
    const result = await run({ JobFlowId, Steps }, { client, ...options, signal: controller.signal, onEvent }).result;
    return { result, events, afterAbortMs: Date.now() - abortedAt };
  } finally {
    client.destroy();
  }
}

describe("an abort while AddJobFlowSteps has no answer yet", () => {
  it("committed, answer slow: found by one read-back at once, reported and cancelled", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const proxy = await startFaultProxy(opened.emulator.endpoint, [
      { operation: "AddJobFlowSteps", action: "delay-after-commit", count: 1, delayMs: 8_000 },
    ]);
    try {
      const { result, afterAbortMs } = await abortedWhileSubmitting(JobFlowId, proxy.endpoint);
      expect(afterAbortMs).toBeLessThan(REQUEST_TIMEOUT_MS / 2);
      const listed = await opened.allSteps(JobFlowId);
      expect(result.steps.map((s) => s.stepId)).toEqual(listed.map((s) => s.Id));
      expect(result.notSubmitted).toEqual([]);
      expect(listed.map((s) => s.Status?.State)).toEqual(["CANCELLED", "CANCELLED"]);
    } finally {
      await proxy.close();
    }
  }, 15_000);

  it("not committed yet, committing later: not found at once, so still awaited, then reported and cancelled", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    // The emulator holds the request 1.5 s, then adds the steps and answers: EMR slow to take a call.
    opened.emulator.faults.inject({ operation: "AddJobFlowSteps", action: "delay", delayMs: 1_500 });
    const { result, afterAbortMs } = await abortedWhileSubmitting(JobFlowId, opened.emulator.endpoint);
    expect(afterAbortMs).toBeGreaterThanOrEqual(1_000);
    const listed = await opened.allSteps(JobFlowId);
    expect(result.steps.map((s) => s.stepId)).toEqual(listed.map((s) => s.Id));
    expect(listed.map((s) => s.Status?.State)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(result.notSubmitted).toEqual([]);
  }, 15_000);
});
