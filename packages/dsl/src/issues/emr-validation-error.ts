import { formatIssues } from "./format-issues.js";
import type { Issue } from "./issue.js";

/** Only a container of issues: thrown by `assertValid` and `build()`, its message lists every error. */
export class EmrValidationError extends Error {
  override readonly name = "EmrValidationError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    const errors = issues.filter((issue) => issue.severity === "error");
    super(`${errors.length} EMR validation ${errors.length === 1 ? "error" : "errors"}:\n${formatIssues(errors)}`);
    this.issues = issues;
  }
}
