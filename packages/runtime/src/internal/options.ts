import { EMRClient } from "@aws-sdk/client-emr";
import type { RunEvent, RuntimeOptions } from "../types.js";

/** Every option with its default applied once, so the rest of the runtime never repeats a default. */
export interface ResolvedOptions {
  client: EMRClient;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  signal: AbortSignal | undefined;
  cancelGraceMs: number;
  dependencies: Record<string, readonly string[]>;
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  logWaitMs: number;
  requestTimeoutMs: number;
  idempotencyKey: string | undefined;
  readBackWindowMs: number;
  onEvent: ((event: RunEvent) => void) | undefined;
}

export function resolveOptions(options: RuntimeOptions = {}): ResolvedOptions {
  const positive = (name: string, value: number | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`@emrkit/runtime: options.${name} must be a number ≥ 0, but is ${value}`);
    }
    return value;
  };
  const pollIntervalMs = positive("pollIntervalMs", options.pollIntervalMs, 15_000);
  return {
    client: options.client ?? makeClient(options),
    pollIntervalMs,
    maxPollIntervalMs: Math.max(pollIntervalMs, positive("maxPollIntervalMs", options.maxPollIntervalMs, 60_000)),
    signal: options.signal,
    cancelGraceMs: positive("cancelGraceMs", options.cancelGraceMs, 30_000),
    dependencies: options.dependencies ?? {},
    retry: {
      attempts: Math.max(1, positive("retry.attempts", options.retry?.attempts, 8)),
      baseDelayMs: positive("retry.baseDelayMs", options.retry?.baseDelayMs, 200),
      maxDelayMs: positive("retry.maxDelayMs", options.retry?.maxDelayMs, 20_000),
    },
    logWaitMs: positive("logWaitMs", options.logWaitMs, 0),
    requestTimeoutMs: positive("requestTimeoutMs", options.requestTimeoutMs, 60_000),
    idempotencyKey: idempotencyKey(options.idempotencyKey),
    // A guess, as EMR documents no bound: AWS control planes settle in seconds; a duplicate costs far more than a wait.
    readBackWindowMs: positive("readBackWindowMs", options.readBackWindowMs, 15_000),
    onEvent: options.onEvent,
  };
}

function idempotencyKey(key: unknown): string | undefined {
  if (key === undefined) return undefined;
  if (typeof key !== "string" || key.length === 0) {
    throw new TypeError(
      `@emrkit/runtime: options.idempotencyKey must be a non-empty string, but is ${JSON.stringify(key)}`,
    );
  }
  return key;
}

function makeClient(options: RuntimeOptions): EMRClient {
  return new EMRClient({
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
}
