/**
 * Prints the scale row (issue 16): per format, how many services generate and compile, why the rest do not, the
 * time to generate and to type-check them all, the cost per shape of the smallest, median and largest models, and
 * the process's peak RSS and its load average. The cost per shape is CPU time (wall time's ratio is shown beside
 * it). Goals: every service generates and compiles; the largest model's ms/shape at most 1.5× the median's; every
 * botocore service generated in under 90 s. The cost per shape is judged on the warm figures (warm-per-shape.ts:
 * the three models generated again after the pass, several samples each, the median of them), with the pass's own
 * one run per model beside them. A second table: the median and largest models' docs and output per shape, and
 * their CPU per KB of output (the goal is still judged per shape).
 */
import { loadavg } from "node:os";
import { type FormatRun, type RunOptions, runFormat, type ServiceRun } from "./scale.js";
import { median, type WarmFigure, warmPerShape } from "./warm-per-shape.js";

const GOAL_FLAT = 1.5;
const GOAL_BOTOCORE_MS = 90_000;
/** Samples of each of the three models after the pass (`EMRKIT_BENCH_SAMPLES` to change it). */
const SAMPLES = Number(process.env.EMRKIT_BENCH_SAMPLES ?? 7);

/** Docs and output characters per shape, and CPU µs per KB of output, of the median and the largest model. */
/** One model's warm figures as a table row. */
function warmRow(f: WarmFigure): Record<string, string | number> {
  return {
    model: f.label,
    shapes: f.shapes,
    "runs per sample": f.runs,
    samples: f.samples.length,
    "cpu ms/shape median": median(f.samples).toFixed(4),
    "best / worst": `${Math.min(...f.samples).toFixed(4)} / ${Math.max(...f.samples).toFixed(4)}`,
    "gc pauses (wall)": f.gcMs.toFixed(4),
    "cpu µs/KB output": f.usPerKb.toFixed(1),
    "one run, best": f.single.toFixed(4),
  };
}

function bySize(median: ServiceRun, largest: ServiceRun): Record<string, string> {
  const perKb = (r: ServiceRun) => (1000 * r.cpuMs) / (r.outputChars / 1024);
  const perShape = (r: ServiceRun, chars: number) => (chars / r.shapes).toFixed(0);
  return {
    "docs chars/shape median": perShape(median, median.docChars),
    "docs chars/shape largest": perShape(largest, largest.docChars),
    "output chars/shape median": perShape(median, median.outputChars),
    "output chars/shape largest": perShape(largest, largest.outputChars),
    "cpu µs/KB output median": perKb(median).toFixed(1),
    "cpu µs/KB output largest": perKb(largest).toFixed(1),
    "per KB: largest / median": (perKb(largest) / perKb(median)).toFixed(2),
  };
}

export function scaleRow(dir: string, options: RunOptions = {}): void {
  const rows: Record<string, Record<string, string | number>> = {};
  const sizes: Record<string, Record<string, string>> = {};
  const failures: string[] = [];
  const runs: FormatRun[] = [];
  const warm: Record<string, Record<string, string | number>> = {};
  const flatRatio: Record<string, number> = {};
  for (const format of ["botocore", "smithy"]) {
    const run = runFormat(dir, format, options);
    if (run === undefined) {
      console.log(`scale row: ${dir}/${format} is missing; skipped`);
      continue;
    }
    runs.push(run);
    const ok = run.runs.filter((r) => r.failure === undefined);
    const count = (kind: string) => run.runs.filter((r) => r.failure?.kind === kind).length;
    // The cost per shape of the models generated, by size, in CPU time; a model's time is one run, in the same
    // process (so a pattern an earlier model had is already translated, as in any long-running generator). Models
    // of the same size are ordered by name, so that the median model is the same one in every run of the bench.
    const sized = run.runs
      .filter((r) => r.shapes > 0)
      .sort((a, b) => a.shapes - b.shapes || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const perShape = (i: number) => (sized[i] ? sized[i]!.cpuMs / sized[i]!.shapes : Number.NaN);
    const wallPerShape = (i: number) => (sized[i] ? sized[i]!.ms / sized[i]!.shapes : Number.NaN);
    const middle = perShape(Math.floor(sized.length / 2));
    const largest = perShape(sized.length - 1);
    rows[format] = {
      services: run.runs.length,
      "generate and compile": `${ok.length} (${((100 * ok.length) / run.runs.length).toFixed(1)}%)${options.compile === false ? ", no tsc" : ""}`,
      "refused: pattern": count("refused: pattern"),
      "refused: other": count("refused"),
      "does not compile": count("does not compile"),
      "generate s": (run.generateMs / 1000).toFixed(1),
      "tsc s": (run.compileMs / 1000).toFixed(1),
      // The model's name in the value, so that both formats share the column.
      "pass: cpu ms/shape smallest": `${perShape(0).toFixed(3)} (${sized[0]?.label})`,
      "pass: cpu ms/shape median": `${middle.toFixed(3)} (${sized[Math.floor(sized.length / 2)]?.label})`,
      "pass: cpu ms/shape largest": `${largest.toFixed(3)} (${sized.at(-1)?.label})`,
      "pass: largest / median": (largest / middle).toFixed(2),
      "pass, wall: largest / median": (
        wallPerShape(sized.length - 1) / wallPerShape(Math.floor(sized.length / 2))
      ).toFixed(2),
    };
    const three = [sized[0], sized[Math.floor(sized.length / 2)], sized.at(-1)].filter(
      (r): r is ServiceRun => r !== undefined,
    );
    if (three.length === 3) {
      const figures = warmPerShape(three, SAMPLES);
      for (const [i, size] of ["smallest", "median", "largest"].entries())
        warm[`${format} ${size}`] = warmRow(figures[i]!);
      flatRatio[format] = median(figures[2]!.samples) / median(figures[1]!.samples);
      rows[format]!["largest / median"] = flatRatio[format]!.toFixed(2);
    }
    const mid = sized[Math.floor(sized.length / 2)];
    const big = sized.at(-1);
    if (mid && big) sizes[format] = bySize(mid, big);
    for (const r of run.runs)
      if (r.failure) failures.push(`${format}/${r.label}: ${r.failure.kind}: ${r.failure.detail}`);
  }
  console.table(rows);
  console.log(
    `cost per shape after the pass: ${SAMPLES} samples of each model, interleaved; a sample is as many runs in a row as ` +
      "make at least the largest model's shape count; largest / median above is the ratio of the samples' medians:",
  );
  console.table(warm);
  // Beside the goal, not instead of it: sagemaker's docs are long, and the docs, schema and types emitters write
  // every member's docs, so part of the cost follows the model's docs and output rather than its shape count.
  console.log("the median and largest models by size of docs and output, and CPU per KB of output:");
  console.table(sizes);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the whole bench process)`);
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")} (1, 5, 15 min)`,
  );
  for (const run of runs) {
    const ok = run.runs.every((r) => r.failure === undefined);
    const flat = (flatRatio[run.format] ?? Number.NaN) <= GOAL_FLAT;
    console.log(
      `${run.format}: every service generates and compiles: ${options.compile === false ? "not checked (no tsc)" : ok ? "met" : "NOT met"}; cost per shape flat (≤ ${GOAL_FLAT}×): ${flat ? "met" : "NOT met"}` +
        (run.format === "botocore"
          ? `; all generated in under ${GOAL_BOTOCORE_MS / 1000} s: ${run.generateMs < GOAL_BOTOCORE_MS ? "met" : "NOT met"}`
          : ""),
    );
  }
  if (failures.length > 0) console.log(`not generated or not compiling:\n  ${failures.join("\n  ")}`);
}
