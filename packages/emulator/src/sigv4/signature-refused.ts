/**
 * Why a request's signature was refused, as data: each service turns it into its own error (EMR's JSON
 * `__type`, S3's XML `<Code>`), so the checking knows nothing of either service's wire format.
 */
export type RefusalReason =
  /** No Authorization header (or query authentication) at all. */
  | "missing"
  /** An Authorization header or presigned query that is not a whole AWS4-HMAC-SHA256 one. */
  | "malformed"
  /** An access key id the emulator does not accept. */
  | "unknown-key"
  /** A credential scope naming another service, or a region that does not exist. */
  | "wrong-scope"
  /** X-Amz-Date missing, not ISO 8601 basic, or not on the scope's day. */
  | "bad-date"
  /** Signed too long ago or too far ahead of the emulator's clock, or a presigned URL past its expiry. */
  | "expired"
  /** A presigned URL used after the time it was signed for (X-Amz-Date plus X-Amz-Expires). */
  | "url-expired"
  /** `host` or an `x-amz-*` header sent but not signed. */
  | "unsigned-header"
  /** The signature computed again differs. */
  | "mismatch"
  /** The body does not hash to what x-amz-content-sha256 declares. */
  | "body-mismatch";

export class SignatureRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}
