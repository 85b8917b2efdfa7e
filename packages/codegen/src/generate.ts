import { emitDocs } from "./emit/emit-docs.js";
import { emitSchemas } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitValidators, SUPPORT_FILE, VALIDATORS_FILE } from "./emit/emit-validators.js";
import { tsHeader } from "./emit/header.js";
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

export function generateFrom(service: ServiceIR, emit: readonly Emitter[] = EMITTERS): Map<string, string> {
  const chosen = new Set(emit.length === 0 ? EMITTERS : emit);
  const files = new Map<string, string>();
  const barrel: string[] = [];
  if (chosen.has("types")) {
    files.set("types.generated.ts", emitTypes(service));
    barrel.push('export * from "./types.generated.js";');
  }
  if (chosen.has("validators")) {
    files.set(SUPPORT_FILE, tsHeader(service) + VALIDATION_SUPPORT + LINEAR_ENGINE);
    files.set(VALIDATORS_FILE, emitValidators(service));
    barrel.push('export * from "./validation-support.generated.js";', 'export * from "./validators.generated.js";');
  }
  if (barrel.length > 0) files.set("index.generated.ts", `${tsHeader(service)}${barrel.join("\n")}\n`);
  if (chosen.has("schema")) for (const [path, text] of emitSchemas(service)) files.set(path, text);
  if (chosen.has("docs")) for (const [path, text] of emitDocs(service)) files.set(path, text);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
