import { formatIssues, redact } from "@emrkit/dsl";
import { IdempotencyKeyError, PreflightError } from "@emrkit/runtime";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import type { EmrTarget } from "./emr-target.js";
import { connectionFailure } from "./reach-emr.js";

/** EMR's answers that mean the credentials themselves were refused, not the request: a setup problem. */
const CREDENTIALS_REFUSED = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "IncompleteSignature",
  "InvalidClientTokenId",
  "ExpiredTokenException",
  "ExpiredToken",
  "MissingAuthenticationTokenException",
  "SignatureDoesNotMatch",
]);

/** What went wrong during a run, as the CLI reports it: its kind, exit code and one line. Unknown errors pass through. */
export function explainRunError(error: unknown, target: EmrTarget | undefined): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof PreflightError) {
    return new CliError("refused", EXIT.refused, `preflight refused the request:\n${formatIssues(error.issues)}`, {
      issues: error.issues,
    });
  }
  if (error instanceof IdempotencyKeyError) return new CliError("refused", EXIT.refused, redact(error.message));
  const lost = connectionFailure(error);
  if (lost !== undefined) {
    const where = target?.endpoint() ?? "EMR";
    return new CliError("connection", EXIT.awsSetup, `lost the connection to ${where}: ${lost}`);
  }
  const { name, message, $metadata } = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  if ($metadata?.httpStatusCode !== undefined && name !== undefined) {
    const text = redact(`${name}: ${message ?? ""}`);
    if (CREDENTIALS_REFUSED.has(name)) {
      return new CliError("aws-config", EXIT.awsSetup, `EMR refused the credentials: ${text}`);
    }
    return new CliError("refused", EXIT.refused, `EMR refused the request: ${text}`);
  }
  return error;
}
