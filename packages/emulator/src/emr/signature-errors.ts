import type { RefusalReason, SignatureRefused } from "../sigv4/signature-refused.js";
import { EmrError } from "./emr-error.js";

/** The error types AWS's JSON-protocol services (Coral) answer each refusal with, as seen in their answers. */
const TYPES: Record<RefusalReason, string> = {
  missing: "MissingAuthenticationTokenException",
  malformed: "IncompleteSignatureException",
  "unknown-key": "UnrecognizedClientException",
  "wrong-scope": "InvalidSignatureException",
  "bad-date": "IncompleteSignatureException",
  expired: "InvalidSignatureException",
  "url-expired": "InvalidSignatureException",
  "unsigned-header": "IncompleteSignatureException",
  mismatch: "InvalidSignatureException",
  "body-mismatch": "InvalidSignatureException",
};

/** A refused signature as EMR answers it: 403 for no token at all, 400 otherwise. */
export function emrSignatureError(refused: SignatureRefused): EmrError {
  const type = TYPES[refused.reason];
  return new EmrError(type, refused.message, refused.reason === "missing" ? 403 : 400);
}
