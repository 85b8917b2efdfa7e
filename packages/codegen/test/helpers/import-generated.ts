import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateFrom, type ServiceIR } from "../../src/index.js";

export interface ModelIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}
export interface Walk {
  readonly path: (string | number)[];
  readonly issues: ModelIssue[];
}
export type Validator = (value: unknown, walk: Walk) => void;
export type Predicate = (value: unknown, depth?: number) => boolean;

export interface GeneratedValidators {
  validators: Readonly<Record<string, Validator>>;
  predicates: Readonly<Record<string, Predicate>>;
  MAX_NESTING: number;
  check(validate: Validator, value: unknown, base?: readonly (string | number)[], isValid?: Predicate): ModelIssue[];
  formatPath(path: readonly (string | number)[]): string;
}

/** What was imported, by a digest of the files emitted: the same output is imported once per worker. */
const imported = new Map<string, Promise<GeneratedValidators>>();

/**
 * Generates a service's validators and imports them, as any project would; output already imported (the same
 * files, byte for byte) is not imported again. Under Stryker every test emits afresh (helpers/emitted.ts): hundreds
 * of identical imports in one worker held so many modules that the worker died, while an emitter's mutant that
 * changes the output still gets an import of its own.
 */
export function importGenerated(service: ServiceIR): Promise<GeneratedValidators> {
  const files = generateFrom(service, ["validators"]);
  const digest = createHash("sha256");
  for (const [file, text] of files) digest.update(`${file}\0${text}\0`);
  const key = digest.digest("hex");
  let module = imported.get(key);
  if (module === undefined) {
    module = importFiles(files);
    imported.set(key, module);
  }
  return module;
}

/**
 * Writes the files into a fresh temporary directory and imports their index. The directory is removed once they are
 * imported: every file of the output is loaded by then (its imports are static).
 */
async function importFiles(files: ReadonlyMap<string, string>): Promise<GeneratedValidators> {
  const dir = mkdtempSync(join(tmpdir(), "emrkit-codegen-validators-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    for (const [file, text] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return (await import(pathToFileURL(join(dir, "index.generated.ts")).href)) as GeneratedValidators;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
