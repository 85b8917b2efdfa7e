import { writeDocs } from "./emit/emit-docs.js";
import { writeSchemas } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitValidators, SUPPORT_FILE, VALIDATORS_FILE } from "./emit/emit-validators.js";
import { tsHeader } from "./emit/header.js";
import { forgetConverted } from "./emit/html-to-markdown.js";
import { LINEAR_ENGINE } from "./emit/patterns/linear-engine.js";
import { type SkippedPattern, skippedPatterns } from "./emit/patterns/pattern-report.js";
import { VALIDATION_SUPPORT } from "./emit/validation-support.js";
import type { ServiceIR } from "./ir/types.js";
import { loadModelFile } from "./load/load-model.js";
import { selectOperations } from "./select/select-operations.js";

export const EMITTERS = ["types", "validators", "schema", "docs"] as const;
export type Emitter = (typeof EMITTERS)[number];

export interface GenerateOptions {
  readonly model: string;
  /** Operation names; all of them when absent or empty. */
  readonly operations?: readonly string[] | undefined;
  /** Which emitters run; all of them when absent or empty. */
  readonly emit?: readonly Emitter[] | undefined;
  /** Told of each shape whose pattern check is skipped because it cannot be checked exactly (see patterns/). */
  readonly onSkippedPattern?: ((skipped: SkippedPattern) => void) | undefined;
}

/** Loads a model, selects the operations and runs the emitters: every output file by its path under `--out`. */
export function generate(options: GenerateOptions): Map<string, string> {
  const service = selectOperations(loadModelFile(options.model), options.operations);
  if (options.onSkippedPattern) for (const skipped of skippedPatterns(service)) options.onSkippedPattern(skipped);
  return generateFrom(service, options.emit);
}

/** Every output file of `service` by its path, sorted by path. */
export function generateFrom(service: ServiceIR, emit: readonly Emitter[] = EMITTERS): Map<string, string> {
  const files: [string, string][] = [];
  generateEach(service, emit, (path, text) => files.push([path, text]));
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Hands each output file to `put` as soon as it is made (the files `generateFrom` returns, not sorted), keeping none
 * of them: a caller that writes or checks each file as it comes holds one page at a time rather than the whole
 * service's output (ec2's is 23 MB of text), which the young-generation collections copied while it lived.
 */
export function generateEach(
  service: ServiceIR,
  emit: readonly Emitter[],
  put: (path: string, text: string) => void,
): void {
  const chosen = new Set(emit.length === 0 ? EMITTERS : emit);
  const barrel: string[] = [];
  try {
    if (chosen.has("types")) {
      put("types.generated.ts", emitTypes(service));
      barrel.push('export * from "./types.generated.js";');
    }
    if (chosen.has("validators")) {
      put(SUPPORT_FILE, tsHeader(service) + VALIDATION_SUPPORT + LINEAR_ENGINE);
      put(VALIDATORS_FILE, emitValidators(service));
      barrel.push('export * from "./validation-support.generated.js";', 'export * from "./validators.generated.js";');
    }
    if (barrel.length > 0) put("index.generated.ts", `${tsHeader(service)}${barrel.join("\n")}\n`);
    if (chosen.has("schema")) writeSchemas(service, put);
    if (chosen.has("docs")) writeDocs(service, put);
  } finally {
    // The service's converted docs are of no use to the next one: dropped, so the heap does not keep them.
    forgetConverted();
  }
}
