import { redact } from "../secrets/secret.js";
import type { Issue } from "./issue.js";

/**
 * One line per issue, errors first: `✖ Steps[3].HadoopJarStep.Args[2]: must be … [pattern]`. Pure; secrets show as
 * ***.
 */
export function formatIssues(issues: readonly Issue[]): string {
  const ordered = [...issues].sort((a, b) => rank(a) - rank(b));
  return ordered.map(formatIssue).join("\n");
}

export function formatIssue(issue: Issue): string {
  const mark = issue.severity === "error" ? "✖" : "⚠";
  const where = issue.path === "" ? "(request)" : issue.path;
  return redact(`${mark} ${where}: ${issue.message} [${issue.code}]`);
}

function rank(issue: Issue): number {
  return issue.severity === "error" ? 0 : 1;
}

/** `Steps[3].HadoopJarStep.Args[2]` → `["Steps", 3, "HadoopJarStep", "Args", 2]`; the inverse of `formatPath`. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const token = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") i++;
    token.lastIndex = i;
    const m = token.exec(path);
    if (m === null) throw new SyntaxError(`parsePath: cannot read ${JSON.stringify(path)} at ${i}`);
    out.push(m[1] ?? (m[2] === undefined ? (JSON.parse(m[3]!) as string) : Number(m[2])));
    i = token.lastIndex;
  }
  return out;
}

/** The value at an issue's path, or undefined when the path leads nowhere. */
export function valueAtPath(value: unknown, path: string): unknown {
  let at = value;
  for (const key of parsePath(path)) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}
