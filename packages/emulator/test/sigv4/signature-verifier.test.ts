/**
 * SignatureVerifier on its own, behind a loopback HTTP server of the test's, with a clock the test sets: what the
 * signature covers (path, query, method, a repeated header, the body's declared hash), the edges of the five-minute
 * window, the credential's day, and where the local key pair comes from. Requests are signed by the AWS SDK's own
 * signer (`@smithy/signature-v4`) and sent over HTTP with node:http, byte for byte as signed.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { localCredentials, MAX_CLOCK_SKEW_MS, SignatureVerifier } from "../../src/sigv4/signature.js";
import { SignatureRefused } from "../../src/sigv4/signature-refused.js";
import { hostHas } from "../host-env.js";

const KEY = { accessKeyId: "AKIDVERIFIER", secretAccessKey: "verifier-secret" };
/** 2026-11-25T10:15:00Z: when the requests below are signed, unless a test says otherwise. */
const SIGNED_AT = Date.UTC(2026, 10, 25, 10, 15, 0);

let clock = SIGNED_AT;
/** Made afresh for each test: its signers (one per region, kept) are then made by the code as it is now. */
let verifier: SignatureVerifier;
let server: Server;
let port = 0;

/** What the server answers: the caller when the signature holds, else the refusal's reason and message. */
type Verdict =
  | { caller: { accessKeyId: string; region: string; account: string } }
  | { reason: string; message: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      verifier.verify(req, Buffer.concat(chunks)).then(
        (caller) => res.end(JSON.stringify({ caller })),
        (error: unknown) =>
          res.end(
            JSON.stringify(
              error instanceof SignatureRefused
                ? { reason: error.reason, message: error.message }
                : { reason: "thrown", message: String(error) },
            ),
          ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

beforeEach(() => {
  verifier = new SignatureVerifier(KEY, () => clock);
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

interface Signable {
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  region?: string;
  at?: number;
  credentials?: typeof KEY;
  /** Leave out the x-amz-content-sha256 header the signer adds by default. */
  noContentHash?: boolean;
}

/** The SDK's signature of a request to the test server: its headers, lower-case names. */
async function sign(r: Signable = {}): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: r.credentials ?? KEY,
    region: r.region ?? "us-east-1",
    service: "elasticmapreduce",
    sha256: Sha256,
    applyChecksum: r.noContentHash !== true,
  });
  const signed = await signer.sign(
    {
      method: r.method ?? "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port,
      path: r.path ?? "/",
      query: r.query ?? {},
      headers: {
        host: `127.0.0.1:${port}`,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "ElasticMapReduce.ListClusters",
        ...r.headers,
      },
      body: r.body ?? "{}",
    },
    { signingDate: new Date(r.at ?? SIGNED_AT) },
  );
  return signed.headers as Record<string, string>;
}

interface Sent {
  method?: string;
  /** The request target as sent, query included. */
  target?: string;
  headers: Record<string, string | string[]>;
  body?: string;
}

/** Sends the request over HTTP as given (a header given as a list goes as that many header lines). */
function send({ method = "POST", target = "/", headers, body = "{}" }: Sent): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, method, path: target, headers }, (res: IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => resolve(JSON.parse(text) as Verdict));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const at = (ms: number) => {
  clock = ms;
};

describe("what the signature covers", () => {
  it("lets in a request exactly as signed, and names the signer's key and the scope's region", async () => {
    at(SIGNED_AT);
    expect(await send({ headers: await sign({ region: "eu-west-1" }) })).toEqual({
      caller: { accessKeyId: KEY.accessKeyId, region: "eu-west-1", partition: "aws", account: "000000000000" },
    });
  });

  it("covers the query string: a parameter changed or dropped after signing is refused", async () => {
    at(SIGNED_AT);
    const headers = await sign({ path: "/", query: { Action: "ListClusters", b: "x y" } });
    expect(await send({ target: "/?Action=ListClusters&b=x%20y", headers })).toHaveProperty("caller");
    expect(await send({ target: "/?Action=ListClusters&b=other", headers })).toMatchObject({ reason: "mismatch" });
    expect(await send({ target: "/?Action=ListClusters", headers })).toMatchObject({ reason: "mismatch" });
    expect(await send({ target: "/", headers })).toMatchObject({ reason: "mismatch" });
  });

  it("covers the path and the method", async () => {
    at(SIGNED_AT);
    const headers = await sign({ path: "/emr" });
    expect(await send({ target: "/emr", headers })).toHaveProperty("caller");
    expect(await send({ target: "/", headers })).toMatchObject({ reason: "mismatch" });
    const put = await sign({ method: "PUT" });
    expect(await send({ method: "PUT", headers: put })).toHaveProperty("caller");
    expect(await send({ method: "POST", headers: put })).toMatchObject({ reason: "mismatch" });
  });

  it("checks the body against the hash the client declared, and hashes it itself when none is declared", async () => {
    at(SIGNED_AT);
    const declared = await sign({ body: '{"ClusterStates":["RUNNING"]}' });
    expect(declared["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(await send({ headers: declared, body: '{"ClusterStates":["RUNNING"]}' })).toHaveProperty("caller");
    expect(await send({ headers: declared, body: '{"ClusterStates":["WAITING"]}' })).toMatchObject({
      reason: "mismatch",
    });
    const bare = await sign({ body: "{}", noContentHash: true });
    expect(bare["x-amz-content-sha256"]).toBeUndefined();
    expect(await send({ headers: bare, body: "{}" })).toHaveProperty("caller");
    expect(await send({ headers: bare, body: "{ }" })).toMatchObject({ reason: "mismatch" });
  });

  // Node gives a header sent on several lines as a list only for set-cookie (others, x-amz-meta-tag here, it joins
  // with ", " in req.headers); SigV4's canonical form joins a header's values with "," in the order sent (IAM User
  // Guide, "Create a signed AWS API request", step 1).
  it.each(["set-cookie", "x-amz-meta-tag"])(
    "signs %s sent on several lines as its values joined with a comma, in order",
    async (name) => {
      at(SIGNED_AT);
      const headers = await sign({ headers: { [name]: "a=1,b=2" } });
      expect(await send({ headers: { ...headers, [name]: ["a=1", "b=2"] } })).toHaveProperty("caller");
      for (const changed of [
        ["b=2", "a=1"],
        ["a=1", "b=3"],
      ]) {
        expect(await send({ headers: { ...headers, [name]: changed } })).toMatchObject({ reason: "mismatch" });
      }
    },
  );

  it("refuses a signed header that was not sent, whatever its name", async () => {
    at(SIGNED_AT);
    const headers = await sign();
    for (const name of ["x-absent", "constructor", "__proto__", "hasownproperty"]) {
      const authorization = headers.authorization!.replace("SignedHeaders=", `SignedHeaders=${name};`);
      expect(await send({ headers: { ...headers, authorization } }), name).toMatchObject({ reason: "mismatch" });
    }
  });

  it("lets an unsigned header through unless it is host or x-amz-*, and names every unsigned x-amz-* one", async () => {
    at(SIGNED_AT);
    const headers = await sign();
    expect(await send({ headers: { ...headers, "x-custom": "not signed" } })).toHaveProperty("caller");
    expect(await send({ headers: { ...headers, "x-amz-one": "1", "x-amz-two": "2" } })).toEqual({
      reason: "unsigned-header",
      message:
        "Every x-amz-* header must be a 'SignedHeader' in the AWS Authorization; not signed: x-amz-one, x-amz-two.",
    });
  });
});

describe("when it was signed", () => {
  it("accepts a signature up to five minutes old or ahead, to the millisecond, and not one more", async () => {
    const headers = await sign();
    for (const [now, ok] of [
      [SIGNED_AT + MAX_CLOCK_SKEW_MS, true],
      [SIGNED_AT + MAX_CLOCK_SKEW_MS + 1, false],
      [SIGNED_AT - MAX_CLOCK_SKEW_MS, true],
      [SIGNED_AT - MAX_CLOCK_SKEW_MS - 1, false],
    ] as const) {
      at(now);
      const verdict = await send({ headers });
      expect("caller" in verdict, `${(now - SIGNED_AT) / 1000} s away`).toBe(ok);
      if (!ok) expect(verdict).toMatchObject({ reason: "expired" });
    }
  });

  it("says how late or early, against which bound, as AWS words it", async () => {
    const headers = await sign();
    at(SIGNED_AT + 6 * 60_000);
    expect(await send({ headers })).toEqual({
      reason: "expired",
      message: "Signature expired: 20261125T101500Z is now earlier than 20261125T101600Z (20261125T102100Z - 5 min.)",
    });
    at(SIGNED_AT - 7 * 60_000);
    expect(await send({ headers })).toEqual({
      reason: "expired",
      message:
        "Signature not yet current: 20261125T101500Z is still later than 20261125T101300Z (20261125T100800Z + 5 min.)",
    });
  });

  it("refuses an X-Amz-Date that is not on the credential's day, or not a date", async () => {
    at(SIGNED_AT);
    const headers = await sign();
    const otherDay = headers.authorization!.replace("/20261125/", "/20261124/");
    expect(await send({ headers: { ...headers, authorization: otherDay } })).toEqual({
      reason: "bad-date",
      message: "Date must be in ISO-8601 'basic format' and match the credential scope.",
    });
    const { "x-amz-date": _date, ...undated } = headers;
    expect(await send({ headers: undated })).toMatchObject({ reason: "bad-date" });
    expect(await send({ headers: { ...headers, "x-amz-date": "20261125" } })).toMatchObject({ reason: "bad-date" });
  });
});

describe("the Authorization header itself", () => {
  it("quotes the scheme it was given when the header is not a whole AWS4-HMAC-SHA256 one", async () => {
    at(SIGNED_AT);
    const headers = await sign();
    expect(await send({ headers: { ...headers, authorization: "Bearer abc def" } })).toEqual({
      reason: "malformed",
      message:
        "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of AWS4-HMAC-SHA256. Authorization=Bearer",
    });
  });

  it("refuses another key pair's signature, a wrong secret, and no header at all, each for its reason", async () => {
    at(SIGNED_AT);
    expect(await send({ headers: await sign({ credentials: { ...KEY, accessKeyId: "AKIDOTHER" } }) })).toEqual({
      reason: "unknown-key",
      message: "The security token included in the request is invalid.",
    });
    // AWS's words, which the SDK and the CLI show as they are.
    expect(await send({ headers: await sign({ credentials: { ...KEY, secretAccessKey: "guess" } }) })).toEqual({
      reason: "mismatch",
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    });
    const { authorization: _a, ...unsigned } = await sign();
    expect(await send({ headers: unsigned })).toEqual({ reason: "missing", message: "Missing Authentication Token" });
  });
});

describe("localCredentials", () => {
  it("takes what it is given over the environment, each part on its own", () => {
    hostHas({ AWS_ACCESS_KEY_ID: "ENVKEY", AWS_SECRET_ACCESS_KEY: "env-secret" });
    expect(localCredentials()).toEqual({ accessKeyId: "ENVKEY", secretAccessKey: "env-secret" });
    expect(localCredentials({ accessKeyId: "GIVEN" })).toEqual({ accessKeyId: "GIVEN", secretAccessKey: "env-secret" });
    expect(localCredentials({ secretAccessKey: "given" })).toEqual({ accessKeyId: "ENVKEY", secretAccessKey: "given" });
  });

  it("refuses to start without both parts, saying how to give them", () => {
    hostHas({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    const needs = /needs local credentials: pass accessKeyId and secretAccessKey, or set AWS_ACCESS_KEY_ID/;
    expect(() => localCredentials()).toThrow(needs);
    expect(() => localCredentials({ accessKeyId: "ONLY" })).toThrow(needs);
    expect(() => localCredentials({ secretAccessKey: "only" })).toThrow(needs);
    hostHas({ AWS_ACCESS_KEY_ID: "ENVKEY", AWS_SECRET_ACCESS_KEY: "" });
    expect(() => localCredentials()).toThrow(needs);
    expect(localCredentials({ accessKeyId: "K", secretAccessKey: "s" })).toEqual({
      accessKeyId: "K",
      secretAccessKey: "s",
    });
  });
});
