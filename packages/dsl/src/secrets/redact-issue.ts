import type { Issue } from "../issues/issue.js";
import { hasSecrets, redact } from "./secret.js";

/**
 * An issue with every string in it redacted (path, message, suggestion, source, state): for issues made outside
 * the DSL, or passed on by code that cannot know where they were made. The DSL's own issues are redacted already.
 */
export function redactIssue<T extends Issue>(issue: T): T {
  if (!hasSecrets()) return issue;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(issue)) out[key] = typeof value === "string" ? redact(value) : value;
  return out as T;
}
