/**
 * The scale row: every service of a models directory (`EMRKIT_BENCH_MODELS`, laid out as `botocore/` and `smithy/`
 * folders like models/all), both formats, in one process. Each service is generated whole (every operation, every
 * emitter) and its output type-checked with strict tsc in batches. Goals (issue 16): every service generates and
 * compiles; the cost per shape stays flat (the largest model at most 1.5× the median model's ms/shape); all botocore
 * services generate in under 90 s.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { EMITTERS, generateEach, loadModelFile, ModelError, type ServiceIR } from "@emrkit/codegen";
import { compileOutputs } from "./compile-in-memory.js";

/** Services per tsc program: big enough to share the library's parse, small enough to keep memory bounded. */
const BATCH = 40;

export interface ServiceRun {
  readonly label: string;
  /** The model file. */
  readonly path: string;
  readonly shapes: number;
  readonly ms: number;
  /**
   * The process's CPU time for it, user and system: the cost per shape is judged on this, since on a shared machine
   * a model's wall time also counts the time it waited for a core (the same model measured 0.5–1.2 ms/shape).
   */
  readonly cpuMs: number;
  /** Characters of documentation in the model (operations, shapes, members): what the docs-bound costs grow with. */
  readonly docChars: number;
  /** Characters of everything generated for it. */
  readonly outputChars: number;
  /** Why it was not generated or does not compile; absent when it did both. */
  readonly failure?: { readonly kind: "refused: pattern" | "refused" | "does not compile"; readonly detail: string };
}

export interface FormatRun {
  readonly format: string;
  readonly runs: ServiceRun[];
  readonly generateMs: number;
  readonly compileMs: number;
}

export interface RunOptions {
  /** File names that start with one of these; every service when empty. */
  readonly only?: readonly string[];
  /** False to generate only (the type check is most of the row's time). */
  readonly compile?: boolean;
}

/** Generates and compiles every service of `dir/<format>/` (or those `options` name). */
export function runFormat(dir: string, format: string, options: RunOptions = {}): FormatRun | undefined {
  const { only = [], compile = true } = options;
  const folder = join(dir, format);
  if (!existsSync(folder)) return undefined;
  const files = readdirSync(folder)
    .filter(
      (f) =>
        f.endsWith(".json") &&
        !/paginators|waiters/.test(f) &&
        (only.length === 0 || only.some((o) => f.startsWith(o))),
    )
    .sort();
  const runs: ServiceRun[] = [];
  let batch = new Map<string, Map<string, string>>();
  let generateMs = 0;
  let compileMs = 0;
  const flush = () => {
    if (!compile) {
      batch = new Map();
      return;
    }
    const started = performance.now();
    const failures = compileOutputs(batch);
    compileMs += performance.now() - started;
    for (const [label, diagnostics] of failures) {
      const i = runs.findIndex((r) => r.label === label);
      const detail = `${diagnostics.length} errors; first: ${diagnostics[0]}`;
      runs[i] = { ...runs[i]!, failure: { kind: "does not compile", detail } };
    }
    batch = new Map();
  };
  for (const file of files) {
    const label = file.replace(/\.(service-2\.)?json$/, "");
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      const { files: output, shapes, docChars, outputChars } = generateCounted(join(folder, file));
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      generateMs += ms;
      const cpuMs = (used.user + used.system) / 1000;
      runs.push({ label, path: join(folder, file), shapes, ms, cpuMs, docChars, outputChars });
      batch.set(label, output);
    } catch (error) {
      generateMs += performance.now() - started;
      if (!(error instanceof ModelError)) throw error;
      const kind = / pattern /.test(error.message) ? "refused: pattern" : "refused";
      runs.push({
        label,
        path: join(folder, file),
        shapes: 0,
        ms: 0,
        cpuMs: 0,
        docChars: 0,
        outputChars: 0,
        failure: { kind, detail: error.message },
      });
    }
    if (batch.size >= BATCH) flush();
  }
  if (batch.size > 0) flush();
  return { format, runs, generateMs, compileMs };
}

/**
 * What `generate({ model })` does (every operation: no selection), keeping the shape count, the docs' size, the
 * output's size and the TypeScript files (what tsc checks; the docs and schemas are let go as they are made).
 */
function generateCounted(path: string): {
  files: Map<string, string>;
  shapes: number;
  docChars: number;
  outputChars: number;
} {
  const service = loadModelFile(path);
  const files = new Map<string, string>();
  let outputChars = 0;
  generateEach(service, EMITTERS, (file, text) => {
    outputChars += text.length;
    if (file.endsWith(".ts")) files.set(file, text);
  });
  return { files, shapes: service.shapes.size, docChars: docChars(service), outputChars };
}

function docChars(service: ServiceIR): number {
  let chars = service.documentation?.length ?? 0;
  for (const op of service.operations) chars += op.documentation?.length ?? 0;
  for (const shape of service.shapes.values()) {
    chars += shape.documentation?.length ?? 0;
    if (shape.kind === "structure" || shape.kind === "union")
      for (const m of shape.members) chars += m.documentation?.length ?? 0;
  }
  return chars;
}
