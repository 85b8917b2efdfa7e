/**
 * The JSON summary of a Stryker run: its report (mutation-testing-report-schema's `mutation.json`) counted by
 * status, per file and in all. The score is Stryker's own: detected (killed + timeout) over valid mutants
 * (detected + survived + no coverage); compile and runtime errors are not valid mutants, ignored ones not counted.
 */
export interface MutantCounts {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  compileError: number;
  runtimeError: number;
  ignored: number;
  /** Detected over valid mutants, in percent with two decimals; null when no mutant is valid. */
  score: number | null;
}

export interface MutationSummary {
  readonly total: MutantCounts;
  readonly files: Readonly<Record<string, MutantCounts>>;
}

interface ReportFile {
  readonly mutants: readonly { readonly status: string }[];
}

const FIELD: Readonly<Record<string, Exclude<keyof MutantCounts, "score">>> = {
  Killed: "killed",
  Survived: "survived",
  NoCoverage: "noCoverage",
  Timeout: "timeout",
  CompileError: "compileError",
  RuntimeError: "runtimeError",
  Ignored: "ignored",
};

export function summarizeReport(report: { readonly files: Readonly<Record<string, ReportFile>> }): MutationSummary {
  const total = emptyCounts();
  const files: Record<string, MutantCounts> = {};
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const counts = emptyCounts();
    for (const { status } of mutants) {
      const field = FIELD[status];
      if (field === undefined) throw new Error(`mutation report: ${file} has a mutant of unknown status "${status}"`);
      counts[field]++;
      total[field]++;
    }
    files[file] = withScore(counts);
  }
  return { total: withScore(total), files };
}

function emptyCounts(): MutantCounts {
  const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, compileError: 0, runtimeError: 0, ignored: 0 };
  return { ...counts, score: null };
}

function withScore(counts: MutantCounts): MutantCounts {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return { ...counts, score: valid === 0 ? null : Math.round((detected / valid) * 10_000) / 100 };
}

/** One line per file and one for all: the figures a closing note quotes. */
export function formatSummary(summary: MutationSummary): string[] {
  const line = (name: string, c: MutantCounts) =>
    `${(c.score === null ? "n/a" : `${c.score.toFixed(2)}%`).padStart(7)}  ${name}  (killed ${c.killed}, ` +
    `survived ${c.survived}, no coverage ${c.noCoverage}, timeout ${c.timeout}, compile error ${c.compileError})`;
  return [...Object.entries(summary.files).map(([file, counts]) => line(file, counts)), line("all", summary.total)];
}
