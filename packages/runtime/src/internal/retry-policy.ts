import {
  isClockSkewCorrectedError,
  isNodeJsHttp2TransientError,
  isServerError,
  isThrottlingError,
  isTransientError,
} from "@smithy/core/retry";

/**
 * How a failed call is classified. Whether a failure is worth another attempt is the SDK's own judgement (the
 * classifiers its retry strategy uses, from `@smithy/core/retry`); what we add is the one thing the SDK never needs,
 * as it does not resend a call blind to its outcome: whether EMR may have carried the request out.
 * - `throttled`: refused before it was done (429, ThrottlingException, ThrottledException, LimitExceededException…).
 * - `not-sent`: it never reached a server: the host name did not resolve, or the connection was refused or could not
 *   be made. Safe to send again, even AddJobFlowSteps.
 * - `clock-skew`: refused at the signature check for its time ("Signature expired", or any error on which the SDK
 *   corrected its clock offset): nothing was done, and the next attempt is signed with the corrected time.
 * - `outcome-unknown`: it may have reached EMR and been done: a timeout, a connection reset after sending,
 *   RequestTimeoutException, an error modelled as retryable. Retried; a non-idempotent call reads back first.
 * - `server`: EMR answered with a server fault (5xx, or an error the model marks as a fault): it may have done the
 *   work first. Retried, as the SDK retries 500/502/503/504; other 5xx too, since a call that reads back is safe.
 * - `refused`: anything else (EMR said no: ValidationException, AccessDenied…). Not retried.
 */
export type FailureKind = "throttled" | "not-sent" | "clock-skew" | "server" | "outcome-unknown" | "refused";

/** Whether EMR may have done what a call failing so asked: then a call that is not idempotent must read back. */
export function mayHaveCommitted(kind: FailureKind): boolean {
  return kind === "server" || kind === "outcome-unknown";
}

/**
 * Failures before any byte of the request could reach a server. A lookup failure is that whatever the call; the
 * others only while connecting (Node's `syscall: "connect"`): EHOSTUNREACH on a socket already in use may come after
 * the request went out.
 */
const LOOKUP_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
const CONNECT_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "ETIMEDOUT"]);
/** Network failures the SDK's classifier does not name (the fetch handler's, and an aborted connection). */
const OTHER_NETWORK_CODES = new Set(["ECONNABORTED", "UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT"]);

type SdkError = Parameters<typeof isTransientError>[0];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean };
}

export function classifyFailure(error: unknown): FailureKind {
  const e = (typeof error === "object" && error !== null ? error : new Error(String(error))) as ErrorLike;
  // The SDK's classifiers take its SdkError, but read only fields that any error may lack (name, code, $metadata…);
  // one of them calls `message.includes` unguarded (isTransientError's HTTP/2 check), so they see the error through
  // a view whose message is always a string: `{ code: "ERR_HTTP2_STREAM_ERROR" }` alone made classifyFailure throw.
  const sdk = (typeof e.message === "string" ? e : Object.create(e, { message: { value: "" } })) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  const expired = e.name === "InvalidSignatureException" && /Signature expired/.test(text(e.message));
  if (isClockSkewCorrectedError(sdk) || expired) return "clock-skew";
  if (isThrottlingError(sdk)) return "throttled";
  // An HTTP/2 stream the server refused was not processed (RFC 9113, REFUSED_STREAM): as good as never sent.
  if (notSent(e, 0) || (typeof e.message === "string" && isNodeJsHttp2TransientError(sdk))) return "not-sent";
  if (status !== undefined && status >= 500) return "server";
  if (isTransientError(sdk) || OTHER_NETWORK_CODES.has(text(e.code)) || /socket hang up/i.test(text(e.message))) {
    return "outcome-unknown";
  }
  if (isServerError(sdk) || e.$fault === "server") return "server";
  return "refused";
}

/** A lookup or connect failure (also inside an AggregateError, as Node's address-family racing gives, or a cause). */
function notSent(e: ErrorLike, depth: number): boolean {
  const code = text(e.code);
  if (LOOKUP_CODES.has(code)) return true;
  if (CONNECT_CODES.has(code) && (e.syscall === "connect" || (code === "ECONNREFUSED" && e.syscall === undefined))) {
    return true;
  }
  if (depth > 5) return false;
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return e.errors.every((inner) => typeof inner === "object" && inner !== null && notSent(inner, depth + 1));
  }
  return typeof e.cause === "object" && e.cause !== null && notSent(e.cause as ErrorLike, depth + 1);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * How far the SDK's clock offset must move during a failed attempt for the failure to count as clock skew it
 * corrected. The SDK flags an error `clockSkewCorrected` only when the new offset is 4 minutes or more, so a clock put
 * right again (the offset going back towards zero) goes unflagged, though the next attempt is signed differently
 * then too. Any real correction is the whole skew (EMR refuses past 5 minutes); a sample's own jitter is milliseconds.
 */
export const CLOCK_CORRECTION_MS = 60_000;

/** Marks `error` as the SDK marks a clock-skew correction, when the client's offset moved that much while it failed. */
export function noteClockCorrection(error: unknown, offsetBefore: number, offsetAfter: number): void {
  if (Math.abs(offsetAfter - offsetBefore) < CLOCK_CORRECTION_MS) return;
  if (typeof error !== "object" || error === null) return;
  const e = error as ErrorLike;
  if (e.$metadata !== undefined) e.$metadata.clockSkewCorrected = true;
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
