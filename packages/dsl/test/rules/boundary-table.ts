/**
 * Boundary tables for the EMR rules: each case a request at one edge of a rule (at the limit, one over, astral
 * characters, empty, whitespace) and the issues of that rule it must give, as `code@path`. Each table is a describe
 * block named after the rule, so a failing case names the rule it broke.
 */
import { type Issue, type ValidationContext, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

/** The edges every table covers, whatever else it has. */
export const EDGES = ["at the limit", "one over", "astral", "empty", "whitespace"] as const;

export interface BoundaryCase {
  /** One of EDGES, or another edge the rule has. */
  readonly edge: string;
  readonly what: string;
  readonly input: unknown;
  readonly context?: ValidationContext;
  /** The issues of the table's codes, in order: `code@path`; [] for none. */
  readonly expected: readonly string[];
}

export const at = (issue: Pick<Issue, "code" | "path">) => `${issue.code}@${issue.path}`;

/** One describe block per rule: every case, and a check that the table covers every edge of EDGES. */
export function boundaryTable(rule: string, cases: readonly BoundaryCase[], codes: readonly string[] = [rule]): void {
  describe(`${rule}: boundaries`, () => {
    it.each(cases.map((c) => [`${c.edge}: ${c.what}`, c] as const))("%s", (_, c) => {
      const issues = validate(c.input, c.context).issues.filter((issue) => codes.includes(issue.code));
      expect(issues.map(at)).toEqual(c.expected);
    });
    it("covers every edge", () => {
      const edges = new Set(cases.map((c) => c.edge));
      for (const edge of EDGES) expect(edges, `${rule} has no "${edge}" case`).toContain(edge);
    });
  });
}
