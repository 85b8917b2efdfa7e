import type { RefusalReason, SignatureRefused } from "../sigv4/signature-refused.js";
import { S3Error } from "./s3-error.js";

/** S3's codes for each refusal (S3 API reference, "Error responses", List of error codes). */
const CODES: Record<RefusalReason, [code: string, status: number]> = {
  missing: ["AccessDenied", 403],
  malformed: ["AuthorizationHeaderMalformed", 400],
  "unknown-key": ["InvalidAccessKeyId", 403],
  "wrong-scope": ["AuthorizationHeaderMalformed", 400],
  "bad-date": ["AccessDenied", 403],
  expired: ["RequestTimeTooSkewed", 403],
  "url-expired": ["AccessDenied", 403],
  "unsigned-header": ["AccessDenied", 403],
  mismatch: ["SignatureDoesNotMatch", 403],
  "body-mismatch": ["XAmzContentSHA256Mismatch", 400],
};

export function s3SignatureError(refused: SignatureRefused): S3Error {
  const [code, status] = CODES[refused.reason];
  return new S3Error(code, refused.message, status);
}
