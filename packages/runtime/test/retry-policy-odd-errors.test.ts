/**
 * The retry policy (retry-policy.ts) on errors of unusual shapes, where a wrong "never sent" would resend a call that
 * EMR may have carried out: a connect-time code reported without the syscall that proves it happened while
 * connecting, an AggregateError that holds something other than errors or holds itself, a signature refusal's words
 * under another error's name, a server fault without a message. None of them may throw.
 */
import { describe, expect, it } from "vitest";
import { classifyFailure } from "../src/internal/retry-policy.js";

const coded = (code: string, syscall?: string) =>
  Object.assign(new Error(`${syscall ?? "?"} ${code}`), { code, ...(syscall === undefined ? {} : { syscall }) });

describe("classifyFailure without a syscall", () => {
  it("a bare ECONNREFUSED is never sent: nothing but a connect is refused", () => {
    expect(classifyFailure(coded("ECONNREFUSED"))).toBe("not-sent");
  });

  it.each(["EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT"])(
    "a bare %s may have come after the request went out: not never-sent",
    (code) => {
      expect(classifyFailure(coded(code))).toBe("outcome-unknown");
    },
  );

  it("ECONNREFUSED on a socket that was not connecting is not never-sent", () => {
    expect(classifyFailure(coded("ECONNREFUSED", "write"))).toBe("outcome-unknown");
  });
});

describe("classifyFailure on an AggregateError", () => {
  const refused = () => coded("ECONNREFUSED", "connect");

  it.each([
    ["null", null],
    ["a string", "ECONNREFUSED"],
    ["a number", 111],
  ])("holding %s besides refused connects says nothing about that one: not never-sent", (_label, odd) => {
    expect(classifyFailure(new AggregateError([refused(), odd]))).toBe("refused");
  });

  it("that holds itself ends rather than overflowing the stack", () => {
    const looped = new AggregateError([refused()]);
    (looped.errors as unknown[]).push(looped);
    expect(classifyFailure(looped)).toBe("refused");
  });
});

describe("classifyFailure by name", () => {
  it("only InvalidSignatureException says a signature expired", () => {
    const other = {
      name: "ValidationException",
      message: "Signature expired: the parameter names a date",
      $metadata: {},
    };
    expect(classifyFailure({ ...other, $metadata: { httpStatusCode: 400 } })).toBe("refused");
  });

  it("a server fault without a message is a server fault, whatever its code", () => {
    const error = { name: "X", code: "ERR_HTTP2_STREAM_ERROR", $metadata: { httpStatusCode: 502 } };
    expect(classifyFailure(error)).toBe("server");
  });
});

describe("classifyFailure on an error without a message", () => {
  it.each([
    ["an HTTP/2 stream error", { code: "ERR_HTTP2_STREAM_ERROR" }],
    ["an HTTP/2 stream error with a number for a message", { code: "ERR_HTTP2_STREAM_ERROR", message: 7 }],
    ["a reset connection", { code: "ECONNRESET" }],
  ])("classifies %s without throwing, as the same error with an empty message", (_label, error) => {
    expect(() => classifyFailure(error)).not.toThrow();
    expect(classifyFailure(error)).toBe(classifyFailure({ ...error, message: "" }));
  });
});
