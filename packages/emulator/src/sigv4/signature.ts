import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { type Caller, callerFor } from "./caller.js";
import { parseAmzDate, signedHeaderValue } from "./canonical.js";
import { partitionOf } from "./regions.js";
import { type RefusalReason, SignatureRefused } from "./signature-refused.js";

/** The one key pair the emulator accepts when it checks signatures. */
export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The service EMR's requests are signed for: the model names no signingName, so its endpointPrefix. */
export const SIGNING_SERVICE = "elasticmapreduce";

/** How far a request's X-Amz-Date may be from the emulator's clock, as AWS's JSON services allow. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;\-_.]+),\s*Signature=([0-9a-f]{64})$/;

/**
 * Checks a request's SigV4 signature the way AWS does: the signature is computed again, with the maintained
 * signer of the AWS SDK (`@smithy/signature-v4`), over the headers the client says it signed, and must match.
 * Refusals are data (SignatureRefused: a reason, and the wording of AWS's JSON-protocol services); EMR turns them
 * into MissingAuthenticationTokenException, UnrecognizedClientException, IncompleteSignatureException and
 * InvalidSignatureException (emr/signature-errors.ts), the last also for a request more than five minutes away
 * from now (a replay, or a clock that is off).
 *
 * What must be signed, after the IAM User Guide ("Elements of an AWS API request signature", "Create a signed AWS API
 * request"): the credential scope is `<day>/<region>/<service>/aws4_request`, here with service `elasticmapreduce`
 * and a region that exists (the clusters belong to it); the canonical headers must include `host` and every `x-amz-*`
 * header of the request, so X-Amz-Target (the operation) cannot be changed under a signature.
 */
export class SignatureVerifier {
  private readonly signers = new Map<string, SignatureV4>();

  constructor(
    private readonly credentials: LocalCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** Checks the request's signature; gives back who signed it (the region and account its clusters belong to). */
  async verify(req: IncomingMessage, body: Buffer): Promise<Caller> {
    const header = req.headers.authorization;
    if (header === undefined) throw authError("missing", "Missing Authentication Token");
    const auth = AUTHORIZATION.exec(header);
    if (!auth) {
      throw authError(
        "malformed",
        `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of AWS4-HMAC-SHA256. Authorization=${header.split(" ")[0]}`,
      );
    }
    const [, accessKeyId, day, region, service, signedHeaderList, signature] = auth as unknown as string[];
    if (accessKeyId !== this.credentials.accessKeyId) {
      throw authError("unknown-key", "The security token included in the request is invalid.");
    }
    checkScope(region!, service!);
    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined || !amzDate.startsWith(day!)) {
      throw authError("bad-date", "Date must be in ISO-8601 'basic format' and match the credential scope.");
    }
    this.checkClock(amzDate, signedAt);
    const signedHeaders = signedHeaderList!.split(";");
    requireSigned(signedHeaders, Object.keys(req.headers));
    // No prototype: a signed header named __proto__ or constructor is a header like any other (and absent here).
    const headers: Record<string, string> = Object.create(null);
    for (const name of signedHeaders) {
      const value = signedHeaderValue(req.headersDistinct, name);
      if (value === undefined) throw mismatch();
      headers[name] = value;
    }
    // The signer hashes the body itself unless the client declared its hash, which it then trusts: a declared hash
    // is checked here, so a body that does not match its declaration cannot pass.
    const declared = headers["x-amz-content-sha256"];
    if (declared !== undefined && declared !== createHash("sha256").update(body).digest("hex")) throw mismatch();
    const url = URL.parse(req.url ?? "/", "http://localhost");
    if (!url) throw mismatch();
    const expected = await this.signer(region!).sign(
      {
        method: req.method ?? "POST",
        protocol: "http:",
        hostname: headers.host ?? "",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body,
      },
      { signingDate: new Date(signedAt), signableHeaders: new Set(signedHeaders) },
    );
    const computed = /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization))?.[1] ?? "";
    if (computed.length !== signature!.length || !timingSafeEqual(Buffer.from(computed), Buffer.from(signature!))) {
      throw mismatch();
    }
    return callerFor(accessKeyId!, region!);
  }

  private checkClock(amzDate: string, signedAt: number): void {
    const now = this.now();
    if (signedAt < now - MAX_CLOCK_SKEW_MS) {
      throw authError(
        "expired",
        `Signature expired: ${amzDate} is now earlier than ${basic(now - MAX_CLOCK_SKEW_MS)} (${basic(now)} - 5 min.)`,
      );
    }
    if (signedAt > now + MAX_CLOCK_SKEW_MS) {
      throw authError(
        "expired",
        `Signature not yet current: ${amzDate} is still later than ${basic(now + MAX_CLOCK_SKEW_MS)} (${basic(now)} + 5 min.)`,
      );
    }
  }

  private signer(region: string): SignatureV4 {
    let signer = this.signers.get(region);
    if (!signer) {
      signer = new SignatureV4({
        credentials: this.credentials,
        region,
        service: SIGNING_SERVICE,
        sha256: Sha256,
        // Sign exactly what the client signed: no x-amz-content-sha256 header of our own.
        applyChecksum: false,
      });
      this.signers.set(region, signer);
    }
    return signer;
  }
}

/** The credentials to check against: those given, else the environment's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. */
export function localCredentials(given?: Partial<LocalCredentials>): LocalCredentials {
  const accessKeyId = given?.accessKeyId ?? process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = given?.secretAccessKey ?? process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(
      "signature verification needs local credentials: pass accessKeyId and secretAccessKey, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
    );
  }
  return { accessKeyId, secretAccessKey };
}

/** The scope AWS accepts for EMR, with its words for each refusal (seen in AWS's answers to wrongly scoped requests). */
function checkScope(region: string, service: string): void {
  if (service !== SIGNING_SERVICE) {
    throw authError("wrong-scope", `Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`);
  }
  if (partitionOf(region) === undefined) {
    throw authError("wrong-scope", `Credential should be scoped to a valid region, not '${region}'.`);
  }
}

/**
 * `host` and every `x-amz-*` header sent must be among the signed ones. The words for `host` are AWS's; for an
 * unsigned `x-amz-*` header AWS's JSON services publish none, so these are the emulator's (and the error type a guess).
 */
function requireSigned(signed: readonly string[], sent: readonly string[]): void {
  if (!signed.includes("host")) {
    throw authError("unsigned-header", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const unsigned = sent.filter((name) => name.startsWith("x-amz-") && !signed.includes(name));
  if (unsigned.length > 0) {
    throw authError(
      "unsigned-header",
      `Every x-amz-* header must be a 'SignedHeader' in the AWS Authorization; not signed: ${unsigned.join(", ")}.`,
    );
  }
}

function mismatch(): SignatureRefused {
  return authError(
    "mismatch",
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  );
}

function authError(reason: RefusalReason, message: string): SignatureRefused {
  return new SignatureRefused(reason, message);
}

/** ISO 8601 basic format, as in X-Amz-Date: 20261125T101500Z. */
function basic(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}
