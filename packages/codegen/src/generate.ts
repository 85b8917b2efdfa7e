import { emitDocs } from "./emit/emit-docs.js";
import { emitSchemas } from "./emit/emit-schema.js";
import { emitTypes } from "./emit/emit-types.js";
import { emitValidators, SUPPORT_FILE, VALIDATORS_FILE } from "./emit/emit-validators.js";
import { tsHeader } from "./emit/header.js";
import { javaPatternToJs } from "./emit/java-pattern.js";
import { VALIDATION_SUPPORT } from "./emit/validation-support.js";
import { ModelError } from "./ir/model-error.js";
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
}

/** Loads a model, selects the operations and runs the emitters: every output file by its path under `--out`. */
export function generate(options: GenerateOptions): Map<string, string> {
  return generateFrom(selectOperations(loadModelFile(options.model), options.operations), options.emit);
}

export function generateFrom(service: ServiceIR, emit: readonly Emitter[] = EMITTERS): Map<string, string> {
  checkPatterns(service);
  const chosen = new Set(emit.length === 0 ? EMITTERS : emit);
  const files = new Map<string, string>();
  const barrel: string[] = [];
  if (chosen.has("types")) {
    files.set("types.generated.ts", emitTypes(service));
    barrel.push('export * from "./types.generated.js";');
  }
  if (chosen.has("validators")) {
    files.set(SUPPORT_FILE, tsHeader(service) + VALIDATION_SUPPORT);
    files.set(VALIDATORS_FILE, emitValidators(service));
    barrel.push('export * from "./validation-support.generated.js";', 'export * from "./validators.generated.js";');
  }
  if (barrel.length > 0) files.set("index.generated.ts", `${tsHeader(service)}${barrel.join("\n")}\n`);
  if (chosen.has("schema")) for (const [path, text] of emitSchemas(service)) files.set(path, text);
  if (chosen.has("docs")) for (const [path, text] of emitDocs(service)) files.set(path, text);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A pattern JavaScript cannot compile is the model's fault: say which shape, before any emitter stumbles on it. */
function checkPatterns(service: ServiceIR): void {
  for (const shape of service.shapes.values()) {
    const members = shape.kind === "structure" || shape.kind === "union" ? shape.members : [];
    const patterns = [
      ...(shape.kind === "string" && shape.pattern ? [[shape.name, shape.pattern]] : []),
      ...members.flatMap((m) => (m.pattern ? [[`${shape.name}$${m.name}`, m.pattern]] : [])),
    ];
    for (const [where, pattern] of patterns) {
      try {
        javaPatternToJs(pattern!);
      } catch (error) {
        throw new ModelError(
          service.source.file,
          `pattern ${pattern} is not a valid regular expression: ${(error as Error).message}`,
          where,
        );
      }
    }
  }
}
