import { formatIssue } from "@emrkit/dsl";
import type { LocatedIssue } from "./load-steps.js";

/**
 * One line per issue, errors first, each led by where it is as compilers print it (`steps.json:3:14: ✖
 * [0].Args[1]: …`), so that an editor or a terminal can jump there. Redacted.
 */
export function formatLocatedIssues(file: string, issues: readonly LocatedIssue[]): string[] {
  const rank = (issue: LocatedIssue) => (issue.severity === "error" ? 0 : 1);
  return [...issues]
    .sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map(
      (issue) => `${file}${issue.line === undefined ? "" : `:${issue.line}:${issue.column}`}: ${formatIssue(issue)}`,
    );
}
