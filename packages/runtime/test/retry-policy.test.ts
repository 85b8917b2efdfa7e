import { describe, expect, it } from "vitest";
import {
  CLOCK_CORRECTION_MS,
  classifyFailure,
  mayHaveCommitted,
  noteClockCorrection,
} from "../src/internal/retry-policy.js";

const status = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const net = (code: string, syscall?: string, name = "Error") =>
  Object.assign(new Error(`${syscall ?? ""} ${code}`), { name, code, ...(syscall === undefined ? {} : { syscall }) });

describe("classifyFailure", () => {
  it.each([
    // Refused before it was done: the SDK's throttling names and 429.
    ["ThrottlingException", { name: "ThrottlingException", ...status(400) }, "throttled"],
    ["ThrottledException", { name: "ThrottledException", ...status(400) }, "throttled"],
    ["LimitExceededException", { name: "LimitExceededException", ...status(400) }, "throttled"],
    ["429", { name: "X", ...status(429) }, "throttled"],
    ["$retryable throttling", { name: "X", $retryable: { throttling: true }, ...status(400) }, "throttled"],
    // Never reached a server.
    ["ENOTFOUND", net("ENOTFOUND", "getaddrinfo"), "not-sent"],
    ["EAI_AGAIN", net("EAI_AGAIN", "getaddrinfo"), "not-sent"],
    ["ECONNREFUSED (the SDK names it TimeoutError)", net("ECONNREFUSED", "connect", "TimeoutError"), "not-sent"],
    ["EHOSTUNREACH while connecting", net("EHOSTUNREACH", "connect"), "not-sent"],
    ["ENETUNREACH while connecting", net("ENETUNREACH", "connect"), "not-sent"],
    ["ETIMEDOUT while connecting", net("ETIMEDOUT", "connect", "TimeoutError"), "not-sent"],
    [
      "every address refused (Node's address-family racing)",
      Object.assign(new AggregateError([net("ECONNREFUSED", "connect"), net("ECONNREFUSED", "connect")]), {
        code: "ECONNREFUSED",
      }),
      "not-sent",
    ],
    ["a cause that was never sent", Object.assign(new Error("fetch failed"), { cause: net("ENOTFOUND") }), "not-sent"],
    [
      "an HTTP/2 stream the server refused",
      Object.assign(new Error("Stream closed with error code NGHTTP2_REFUSED_STREAM"), {
        code: "ERR_HTTP2_STREAM_ERROR",
      }),
      "not-sent",
    ],
    // May have reached EMR and been done.
    ["EHOSTUNREACH on a socket in use", net("EHOSTUNREACH", "read"), "outcome-unknown"],
    ["ETIMEDOUT reading", net("ETIMEDOUT", "read", "TimeoutError"), "outcome-unknown"],
    ["ECONNRESET", net("ECONNRESET", "read", "TimeoutError"), "outcome-unknown"],
    ["socket hang up", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "outcome-unknown"],
    ["EPIPE", net("EPIPE", "write"), "outcome-unknown"],
    ["our own deadline", { name: "TimeoutError", message: "no answer within 100 ms" }, "outcome-unknown"],
    ["RequestTimeoutException", { name: "RequestTimeoutException", ...status(400) }, "outcome-unknown"],
    ["RequestTimeout", { name: "RequestTimeout", ...status(400) }, "outcome-unknown"],
    ["$retryable", { name: "X", $retryable: {}, ...status(400) }, "outcome-unknown"],
    ["InternalServerError", { name: "InternalServerError", ...status(500) }, "server"],
    ["503", { name: "ServiceUnavailable", ...status(503) }, "server"],
    ["501 (not retried by the SDK)", { name: "X", ...status(501) }, "server"],
    ["a modelled server fault", { name: "InternalServerException", $fault: "server" }, "server"],
    // Refused at the signature check for its time: nothing done.
    [
      "Signature expired",
      {
        name: "InvalidSignatureException",
        message: "Signature expired: 20261201T103519Z is now earlier…",
        ...status(400),
      },
      "clock-skew",
    ],
    [
      "any error on which the SDK corrected its clock",
      { name: "RequestTimeTooSkewed", $metadata: { httpStatusCode: 403, clockSkewCorrected: true } },
      "clock-skew",
    ],
    ["a skew the SDK did not correct", { name: "RequestTimeTooSkewed", ...status(403) }, "refused"],
    ["AccessDeniedException", { name: "AccessDeniedException", ...status(400) }, "refused"],
    ["ValidationException", { name: "ValidationException", ...status(400) }, "refused"],
    ["our own abort", { name: "AbortError", message: "This operation was aborted" }, "refused"],
    ["not an error at all", "boom", "refused"],
  ])("%s is %s", (_label, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  it("says which failures may have been carried out by EMR", () => {
    const kinds = ["throttled", "not-sent", "clock-skew", "server", "outcome-unknown", "refused"] as const;
    expect(kinds.filter(mayHaveCommitted)).toEqual(["server", "outcome-unknown"]);
  });
});

describe("noteClockCorrection", () => {
  it("flags an error as the SDK does when the client's clock offset moved by a correction, not by jitter", () => {
    const corrected = { name: "InvalidSignatureException", $metadata: { httpStatusCode: 400 } };
    noteClockCorrection(corrected, 600_000, -12);
    expect(classifyFailure(corrected)).toBe("clock-skew");
    const jitter = { name: "InvalidSignatureException", $metadata: { httpStatusCode: 400 } };
    noteClockCorrection(jitter, -20, CLOCK_CORRECTION_MS - 100);
    expect(classifyFailure(jitter)).toBe("refused");
  });
});
