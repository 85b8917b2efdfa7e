/**
 * `pnpm mutate`'s summary.json: every mutant counted once under its status, per file and in all, and the score
 * Stryker gives (detected over valid mutants: compile errors are not valid mutants).
 */
import { describe, expect, test } from "vitest";
import { formatSummary, summarizeReport } from "../mutate/summarize-report.js";

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe("summarizeReport", () => {
  test("counts each status per file and in all; the score is (killed + timeout) / (those + survived + no coverage)", () => {
    const summary = summarizeReport({
      files: {
        "b.ts": mutants("Killed", "Survived", "CompileError", "Ignored"),
        "a.ts": mutants("Killed", "Killed", "Timeout", "NoCoverage", "RuntimeError"),
      },
    });
    expect(Object.keys(summary.files)).toEqual(["a.ts", "b.ts"]);
    expect(summary.files["a.ts"]).toEqual({
      killed: 2,
      survived: 0,
      noCoverage: 1,
      timeout: 1,
      compileError: 0,
      runtimeError: 1,
      ignored: 0,
      score: 75,
    });
    expect(summary.files["b.ts"]?.score).toBe(50);
    expect(summary.total).toEqual({
      killed: 3,
      survived: 1,
      noCoverage: 1,
      timeout: 1,
      compileError: 1,
      runtimeError: 1,
      ignored: 1,
      score: 66.67,
    });
  });

  test("a file with no valid mutant has no score, and does not change the total's", () => {
    const summary = summarizeReport({ files: { "a.ts": mutants("CompileError"), "b.ts": mutants("Killed") } });
    expect(summary.files["a.ts"]?.score).toBeNull();
    expect(summary.total.score).toBe(100);
    expect(formatSummary(summary)).toEqual([
      "    n/a  a.ts  (killed 0, survived 0, no coverage 0, timeout 0, compile error 1)",
      "100.00%  b.ts  (killed 1, survived 0, no coverage 0, timeout 0, compile error 0)",
      "100.00%  all  (killed 1, survived 0, no coverage 0, timeout 0, compile error 1)",
    ]);
  });

  test("a status it does not know is an error that names the file, not a mutant left out", () => {
    expect(() => summarizeReport({ files: { "a.ts": mutants("Killed", "Pending") } })).toThrow(
      'mutation report: a.ts has a mutant of unknown status "Pending"',
    );
  });
});
