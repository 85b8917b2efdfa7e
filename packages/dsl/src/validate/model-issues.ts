/** The issues validate makes itself: from the model's checks, and for an input it could not read. */
import type { ModelIssue } from "../generated/validation-support.generated.js";
import { show } from "../generated/validation-support.generated.js";
import { valueAtPath } from "../issues/format-issues.js";
import type { Issue } from "../issues/issue.js";
import { MODEL_SOURCE } from "../rules/limits.js";
import { hasSecrets, redact } from "../secrets/secret.js";

/**
 * A model issue with its source, every string in it free of secrets: the message (even a secret cut short by
 * `show`), the path (an unknown key may be one: `Steps[0]["hunter2"]`) and the suggestion.
 */
export function fromModel(issue: ModelIssue, root: unknown): Issue {
  if (!hasSecrets()) return { ...issue, source: MODEL_SOURCE };
  let message = issue.message;
  const value = valueAtPath(root, issue.path);
  if (typeof value === "string") message = message.split(show(value)).join(show(redact(value)));
  const redacted = { ...issue, path: redact(issue.path), message: redact(message), source: MODEL_SOURCE };
  if (issue.suggestion !== undefined) redacted.suggestion = redact(issue.suggestion);
  return redacted;
}

/** Reading the input can throw (a getter, a proxy): that becomes an issue, never an exception. */
export function unreadable(input: unknown, error: unknown): { ok: false; issues: Issue[] } {
  const reason = describeThrown(error);
  return {
    ok: false,
    issues: [
      {
        code: "type",
        severity: "error",
        path: "",
        message: `could not be read as plain data (${redact(reason)}); got ${redact(show(typeof input))}`,
        source: MODEL_SOURCE,
      },
    ],
  };
}

/** What was thrown, as text; the thrown value itself may refuse to become a string (`{ toString: 1 }`). */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return "a value that cannot be shown";
  }
}
