/**
 * How a failed call is classified, and how long to wait before the next attempt. Throttling and server errors
 * are retried; "outcome unknown" (the request may have reached EMR: a timeout, a dropped connection) is retried
 * too, but a non-idempotent call must first learn whether it went through (see add-steps-once.ts).
 */
export type FailureKind = "throttled" | "server" | "outcome-unknown" | "refused";

const THROTTLING_NAMES = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ProvisionedThroughputExceededException",
]);
const SERVER_NAMES = new Set([
  "InternalServerError",
  "InternalServerException",
  "ServiceUnavailable",
  "InternalFailure",
]);
const NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN", "UND_ERR_SOCKET"]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function classifyFailure(error: unknown): FailureKind {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorLike;
  const status = e.$metadata?.httpStatusCode;
  const name = typeof e.name === "string" ? e.name : "";
  if (status === 429 || THROTTLING_NAMES.has(name)) return "throttled";
  if ((status !== undefined && status >= 500) || SERVER_NAMES.has(name)) return "server";
  if (status !== undefined) return "refused";
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (NETWORK_CODES.has(code) || name === "TimeoutError" || /socket hang up|ECONNRESET|timed? ?out/i.test(message)) {
    return "outcome-unknown";
  }
  // Connection refused: nothing was sent, so sending again is safe.
  if (code === "ECONNREFUSED") return "server";
  return "refused";
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base × 2^(attempt-1))], at least 1 ms. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(ceiling * random()));
}

/** Poll backoff: ×1.5 while nothing changes, back to the first interval on any change. */
export function nextPollInterval(current: number, changed: boolean, first: number, max: number): number {
  return changed ? first : Math.min(max, Math.round(current * 1.5));
}
