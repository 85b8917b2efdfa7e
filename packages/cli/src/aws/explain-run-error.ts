import { redact } from "@emrkit/dsl";
import { IdempotencyKeyError, PreflightError } from "@emrkit/runtime";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import { formatLocatedIssues } from "../load/format-located-issues.js";
import type { LoadedSteps } from "../load/load-steps.js";
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

/**
 * What went wrong during a run, as the CLI reports it: its kind, exit code and one line (preflight's issues placed in
 * the user's file, as validate places its own). Unknown errors pass through.
 */
export function explainRunError(error: unknown, target: EmrTarget | undefined, loaded: LoadedSteps): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof PreflightError) {
    const issues = error.issues.map((issue) => loaded.placeSent(issue));
    const lines = formatLocatedIssues(loaded.file, issues).join("\n");
    return new CliError("refused", EXIT.refused, `preflight refused the request:\n${lines}`, { issues });
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
