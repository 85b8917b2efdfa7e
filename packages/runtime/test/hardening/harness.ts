import type { EMRClient } from "@aws-sdk/client-emr";
import type { FaultRule } from "@emrkit/emulator";
import type { RunEvent, RuntimeOptions } from "@emrkit/runtime";
import { afterAll, beforeAll } from "vitest";
import { type Opened, openEmulator } from "../support/emulator.js";
import { REQUEST_TIMEOUT_MS } from "./fault-schedule.js";

/** The runtime's options for these tests: fast polls, short backoff, a timeout that the long delays exceed. */
export function fastOptions(client: EMRClient, onEvent: (event: RunEvent) => void): RuntimeOptions {
  return {
    client,
    pollIntervalMs: 10,
    maxPollIntervalMs: 40,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    retry: { attempts: 40, baseDelayMs: 2, maxDelayMs: 25 },
    onEvent,
  };
}

/** "AddJobFlowSteps timeout", "ListSteps dropped", …: what a `retry` event says happened. */
export function retryKind(event: Extract<RunEvent, { type: "retry" }>): string {
  // The SDK names a dropped connection "TimeoutError: socket hang up"; ours is "no answer within".
  const kind = /no answer within/.test(event.error)
    ? "timeout"
    : /socket hang up|ECONNRESET|EPIPE/.test(event.error)
      ? "dropped"
      : /Throttling/.test(event.error)
        ? "throttled"
        : /InternalServerError/.test(event.error)
          ? "5xx"
          : "other";
  return `${event.operation} ${kind}`;
}

/** Adds one to `tally[key]`. */
export function bump(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/** "a 3, b 1" in key order, or "none". */
export function formatTally(tally: Record<string, number>): string {
  const text = Object.entries(tally)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} ${n}`)
    .join(", ");
  return text || "none";
}

/** A delayed request commits when its delay ends, answered or not: how long to wait before reading the outcome. */
export function lingeringMs(schedule: readonly FaultRule[]): number {
  return 20 + Math.max(0, ...schedule.map((rule) => (rule.action === "delay" ? (rule.delayMs ?? 0) : 0)));
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One emulator for a whole file (a new cluster per run keeps runs apart); `report` is printed when it closes. */
export function emulatorPerFile(report: () => string): () => Opened {
  let opened: Opened | undefined;
  beforeAll(async () => {
    opened = await openEmulator();
  });
  afterAll(async () => {
    await opened?.close();
    console.log(report());
  });
  return () => {
    if (opened === undefined) throw new Error("the emulator is opened in beforeAll");
    return opened;
  };
}
