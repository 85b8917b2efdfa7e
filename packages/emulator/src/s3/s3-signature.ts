/**
 * SigV4 as S3 checks it, both ways a client may sign (S3 API reference, "Authenticating Requests (AWS Signature
 * Version 4)"): an Authorization header, or a presigned URL's X-Amz-* query parameters (and the SigV2 presigned
 * URLs boto3 still makes by default, presigned-v2.ts). The scope must be
 * `<day>/<real region>/s3/aws4_request`; `host` and, for a signed header, every `x-amz-*` header sent must be
 * signed; a header-signed request may be 15 minutes off the emulator's clock (S3's RequestTimeTooSkewed limit), a
 * presigned URL is good until X-Amz-Date plus X-Amz-Expires (at most 7 days). The body's hash is what
 * x-amz-content-sha256 declares; checking the body against it is request-body.ts's, with the chunk signatures
 * of a streaming upload. Refusals are SignatureRefused; s3-signature-errors.ts gives them S3's codes.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalS3Path,
  parseAmzDate,
  signedHeaderValue,
  signHex,
  signingKey,
  stringToSign,
} from "../sigv4/canonical.js";
import { partitionOf } from "../sigv4/regions.js";
import type { LocalCredentials } from "../sigv4/signature.js";
import { type RefusalReason, SignatureRefused } from "../sigv4/signature-refused.js";
import { verifyPresignedV2 } from "./presigned-v2.js";

export const S3_SIGNING_SERVICE = "s3";
/** S3 refuses a header-signed request more than 15 minutes from its clock (RequestTimeTooSkewed). */
export const S3_MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** The longest a presigned URL may be valid: 7 days (X-Amz-Expires, in seconds). */
export const MAX_PRESIGN_SECONDS = 604_800;

/** What a streaming upload's chunk signatures chain from: the request's own signature, its key and scope. */
export interface ChunkSigning {
  key: Buffer;
  amzDate: string;
  scope: string;
  seed: string;
}

export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The same headers, each line kept apart: what a repeated header is signed from. */
  headersDistinct: NodeJS.Dict<string[]>;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;\-_.]+),\s*Signature=([0-9a-f]{64})$/;

export class S3SignatureVerifier {
  private readonly secrets: Map<string, string>;

  /** Accepts any of these key pairs: the emulator's local credentials, and the ones steps are given. */
  constructor(
    credentials: readonly LocalCredentials[],
    private readonly now: () => number = Date.now,
  ) {
    this.secrets = new Map(credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
  }

  /** Checks the request's signature; for a streaming upload, gives back what its chunks are signed with. */
  verify(req: SignedRequest): ChunkSigning | undefined {
    const query = new URLSearchParams(req.rawQuery);
    if (query.has("X-Amz-Signature") || query.get("X-Amz-Algorithm")) return this.verifyPresigned(req, query);
    if (query.has("AWSAccessKeyId") && query.has("Signature")) {
      verifyPresignedV2({ ...req, query }, this.secrets, this.now());
      return undefined;
    }
    const header = first(req.headers.authorization);
    if (header === undefined) throw refuse("missing", "Access Denied");
    const auth = AUTHORIZATION.exec(header);
    if (!auth)
      throw refuse(
        "malformed",
        "The authorization header is malformed; it must be AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=….",
      );
    const [, accessKeyId, day, region, service, signedList, signature] = auth as unknown as string[];
    const payloadHash = first(req.headers["x-amz-content-sha256"]);
    if (payloadHash === undefined)
      throw refuse("malformed", "Missing required header for this request: x-amz-content-sha256");
    const amzDate = first(req.headers["x-amz-date"]) ?? "";
    const signed = signedList!.split(";");
    const unsigned = Object.keys(req.headers).filter((n) => n.startsWith("x-amz-") && !signed.includes(n));
    if (unsigned.length > 0) {
      throw refuse(
        "unsigned-header",
        `There were headers present in the request which were not signed: ${unsigned.join(", ")}`,
      );
    }
    const signedAt = this.checkCommon(accessKeyId!, day!, region!, service!, amzDate, signed);
    const skew = Math.abs(this.now() - signedAt);
    if (skew > S3_MAX_CLOCK_SKEW_MS) {
      throw refuse("expired", "The difference between the request time and the current time is too large.");
    }
    const key = this.keyFor(accessKeyId!, day!, region!);
    const computed = this.signature(req, signed, payloadHash, amzDate, `${day}/${region}/s3/aws4_request`, key);
    if (!same(computed, signature!)) throw mismatch();
    return payloadHash.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
      ? { key, amzDate, scope: `${day}/${region}/s3/aws4_request`, seed: signature! }
      : undefined;
  }

  private verifyPresigned(req: SignedRequest, query: URLSearchParams): undefined {
    const algorithm = query.get("X-Amz-Algorithm");
    const credential = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/.exec(query.get("X-Amz-Credential") ?? "");
    const signature = query.get("X-Amz-Signature") ?? "";
    const expires = Number(query.get("X-Amz-Expires"));
    const amzDate = query.get("X-Amz-Date") ?? "";
    const signed = (query.get("X-Amz-SignedHeaders") ?? "").split(";");
    if (
      algorithm !== "AWS4-HMAC-SHA256" ||
      !credential ||
      !/^[0-9a-f]{64}$/.test(signature) ||
      !Number.isInteger(expires)
    ) {
      throw refuse(
        "malformed",
        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
      );
    }
    if (expires < 1 || expires > MAX_PRESIGN_SECONDS) {
      throw refuse("malformed", `X-Amz-Expires must be between 1 and ${MAX_PRESIGN_SECONDS} seconds, not ${expires}.`);
    }
    const [, accessKeyId, day, region, service] = credential as unknown as string[];
    const signedAt = this.checkCommon(accessKeyId!, day!, region!, service!, amzDate, signed);
    if (this.now() > signedAt + expires * 1000) throw refuse("url-expired", "Request has expired");
    const payload = query.get("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD";
    const key = this.keyFor(accessKeyId!, day!, region!);
    const computed = this.signature(
      req,
      signed,
      payload,
      amzDate,
      `${day}/${region}/s3/aws4_request`,
      key,
      "X-Amz-Signature",
    );
    if (!same(computed, signature)) throw mismatch();
    return undefined;
  }

  /** What both ways share: a known key, the s3 scope in a real region, a date on the scope's day, `host` signed. */
  private checkCommon(
    accessKeyId: string,
    day: string,
    region: string,
    service: string,
    amzDate: string,
    signed: readonly string[],
  ): number {
    if (!this.secrets.has(accessKeyId)) {
      throw refuse("unknown-key", "The AWS Access Key Id you provided does not exist in our records.");
    }
    if (service !== S3_SIGNING_SERVICE) {
      throw refuse(
        "wrong-scope",
        `The authorization header is malformed; incorrect service "${service}". This endpoint belongs to "s3".`,
      );
    }
    if (partitionOf(region) === undefined) {
      throw refuse("wrong-scope", `The authorization header is malformed; the region '${region}' is wrong.`);
    }
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined || !amzDate.startsWith(day)) {
      throw refuse(
        "bad-date",
        "AWS authentication requires a valid Date or x-amz-date header, on the day of the credential scope.",
      );
    }
    if (!signed.includes("host")) throw refuse("unsigned-header", "'Host' must be a signed header.");
    return signedAt;
  }

  private keyFor(accessKeyId: string, day: string, region: string): Buffer {
    return signingKey(this.secrets.get(accessKeyId)!, day, region, S3_SIGNING_SERVICE);
  }

  private signature(
    req: SignedRequest,
    signed: readonly string[],
    payload: string,
    amzDate: string,
    scope: string,
    key: Buffer,
    leave?: string,
  ): string {
    const canonical = [
      req.method,
      canonicalS3Path(req.rawPath),
      canonicalQuery(req.rawQuery, leave),
      canonicalHeaders(signed, (n) => signedHeaderValue(req.headersDistinct, n)),
      signed.join(";"),
      payload,
    ].join("\n");
    return signHex(key, stringToSign(amzDate, scope, canonical));
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const refuse = (reason: RefusalReason, message: string) => new SignatureRefused(reason, message);

const mismatch = () =>
  refuse(
    "mismatch",
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  );
