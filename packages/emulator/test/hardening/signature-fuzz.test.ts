/**
 * Hostile Authorization against the emulator started with `--verify-signatures`: malformed and wrongly scoped
 * credentials, odd SignedHeaders lists, dates in and out of the clock window, odd request targets. Each must be
 * refused with a 4xx and AWS's JSON error, never a 500; a request the SDK signs still goes through, and the server
 * lives on.
 */
import { EMRClient, ListClustersCommand } from "@aws-sdk/client-emr";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../temp-dir.js";
import { emrClient, exchange, parseResponse, type ServeProcess, STRESS, serveProcess } from "./harness.js";

const RUNS = STRESS ? 3_000 : 150;
const KEY = { accessKeyId: "hardening", secretAccessKey: "hardening-secret" };
/** The errors of AWS's JSON services for authentication, and EMR's for a request that got past it. */
const AUTH_ERRORS = new Set([
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "InvalidSignatureException",
  "UnrecognizedClientException",
  "SerializationException",
  "ValidationException",
  "UnknownOperationException",
]);

let server: ServeProcess;
const figures = { requests: 0, errors: {} as Record<string, number> };

/** X-Amz-Date's ISO 8601 basic format, `minutes` away from now. */
const amzDate = (minutes = 0) =>
  new Date(Date.now() + minutes * 60_000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

interface Signed {
  target: string;
  date: string;
  authorization?: string;
}

function raw({ target, date, authorization }: Signed): string {
  const body = "{}";
  return (
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/x-amz-json-1.1\r\n` +
    `X-Amz-Target: ElasticMapReduce.ListClusters\r\nX-Amz-Date: ${date}\r\n` +
    `${authorization === undefined ? "" : `Authorization: ${authorization}\r\n`}Content-Length: ${body.length}\r\n\r\n${body}`
  );
}

async function expectRefused(request: Signed): Promise<string> {
  const done = await exchange(server.port, [raw(request)], { waitMs: 2000, untilAnswered: true });
  const answer = parseResponse(done.received);
  figures.requests++;
  expect(answer.status, answer.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  const body = JSON.parse(answer.body) as { __type: string; Message: string };
  expect(AUTH_ERRORS, body.__type).toContain(body.__type);
  expect(body.Message.length).toBeGreaterThan(0);
  figures.errors[body.__type] = (figures.errors[body.__type] ?? 0) + 1;
  expect(server.child.exitCode, server.stderr()).toBeNull();
  return body.__type;
}

const token = fc.stringMatching(/^[\x21-\x7e]{0,12}$/);
const headerName = fc.oneof(
  fc.constantFrom("host", "x-amz-date", "content-type", "x-amz-target", "content-length", "authorization"),
  fc.constantFrom("x-amz-content-sha256", "x-nope", "HOST", ""),
  fc.stringMatching(/^[a-z0-9-]{1,10}$/),
);
/** Mostly the right value, sometimes another: so that half the headers get as far as the signature itself. */
const mostly = <T>(right: T, other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: other });

/** An Authorization header, well-formed or nearly, with a signature that cannot be right. */
const authorization = fc
  .record({
    algorithm: mostly("AWS4-HMAC-SHA256", fc.constantFrom("AWS4-HMAC-SHA512", "aws4-hmac-sha256", "AWS")),
    key: mostly(KEY.accessKeyId, fc.oneof(fc.constant("AKIDEXAMPLE"), token)),
    day: mostly(amzDate().slice(0, 8), fc.oneof(fc.constantFrom("20000101", "99991231", "2026111"), token)),
    region: mostly("us-east-1", fc.oneof(fc.constantFrom("eu-west-3", "x y", "a,b", ""), token)),
    service: mostly("elasticmapreduce", fc.oneof(fc.constantFrom("s3", ""), token)),
    signed: mostly(
      "host;x-amz-date",
      fc.array(headerName, { maxLength: 6 }).map((h) => h.join(";")),
    ),
    signature: mostly("0".repeat(64), fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), token)),
    separator: mostly(", ", fc.constantFrom(",", " , ", " ")),
  })
  .map(
    (a) =>
      `${a.algorithm} Credential=${a.key}/${a.day}/${a.region}/${a.service}/aws4_request${a.separator}` +
      `SignedHeaders=${a.signed}${a.separator}Signature=${a.signature}`,
  );
const date = mostly(
  amzDate(),
  fc.constantFrom(amzDate(-6), amzDate(6), amzDate(-60 * 24 * 400), "20261399T000000Z", "garbage", ""),
);
const target = fc.constantFrom("/", "/?Action=ListClusters", "/x/../", "/%2F", "*", "/?a=1&a=2&b");

describe("signature verification under hostile Authorization", () => {
  beforeAll(async () => {
    server = await serveProcess(tempDir("emrkit-sig-fuzz-"), {
      args: ["--verify-signatures"],
      env: { AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey },
    });
  });

  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exit;
    console.log(`signature-fuzz figures${STRESS ? " (stress)" : ""}: ${JSON.stringify(figures)}`);
  });

  it("lets a request the SDK signs with the local key through, and only that", async () => {
    const signed = new EMRClient({ endpoint: server.endpoint, region: "us-east-1", credentials: KEY, maxAttempts: 1 });
    expect((await signed.send(new ListClustersCommand({}))).Clusters).toEqual([]);
    const other = emrClient(server.endpoint);
    await expect(other.send(new ListClustersCommand({}))).rejects.toThrow(/security token included in the request/);
  });

  it("refuses no Authorization, a stranger's key and a stale date with AWS's own errors", async () => {
    expect(await expectRefused({ target: "/", date: amzDate() })).toBe("MissingAuthenticationTokenException");
    const sig = (key: string, day: string) =>
      `AWS4-HMAC-SHA256 Credential=${key}/${day}/us-east-1/elasticmapreduce/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;
    const today = amzDate().slice(0, 8);
    expect(await expectRefused({ target: "/", date: amzDate(), authorization: sig("AKIDEXAMPLE", today) })).toBe(
      "UnrecognizedClientException",
    );
    const stale = amzDate(-6);
    expect(
      await expectRefused({ target: "/", date: stale, authorization: sig(KEY.accessKeyId, stale.slice(0, 8)) }),
    ).toBe("InvalidSignatureException");
    expect(await expectRefused({ target: "/", date: amzDate(), authorization: "Bearer x" })).toBe(
      "IncompleteSignatureException",
    );
  });

  it(`refuses ${RUNS} hostile Authorization headers with a 4xx and a JSON error`, async () => {
    await fc.assert(
      fc.asyncProperty(target, date, fc.option(authorization, { nil: undefined, freq: 10 }), async (t, d, a) => {
        await expectRefused({ target: t, date: d, ...(a === undefined ? {} : { authorization: a }) });
      }),
      { numRuns: RUNS },
    );
  });

  // Found here and fixed: SignedHeaders was read into a plain object, so a client that listed `__proto__` or
  // `constructor` copied Object.prototype / Object into it, and the signer threw: a 500. (`toString` is not
  // lowercase, so it is an IncompleteSignatureException: SigV4 signs lowercase header names.)
  it("refuses SignedHeaders naming __proto__ or constructor with InvalidSignatureException", async () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      const day = amzDate().slice(0, 8);
      const authorization = `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/${day}/us-east-1/elasticmapreduce/aws4_request, SignedHeaders=${name};host;x-amz-date;x-amz-target, Signature=${"0".repeat(64)}`;
      expect(await expectRefused({ target: "/", date: amzDate(), authorization })).toBe(
        name === "toString" ? "IncompleteSignatureException" : "InvalidSignatureException",
      );
    }
  });

  // Found here and fixed: the request target went through `new URL(req.url, "http://localhost")`, which throws on
  // targets Node's HTTP parser lets through (`//x:99999999/`, `http://[/`): a 500 "Invalid URL" instead of a 400.
  it("refuses a request target that is not a URL path with a 400, not a 500", async () => {
    for (const t of ["//x:99999999/", "http://[/"]) {
      const day = amzDate().slice(0, 8);
      const authorization = `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/${day}/us-east-1/elasticmapreduce/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`;
      await expectRefused({ target: t, date: amzDate(), authorization });
    }
  });
});
