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

/**
 * Generates a service's validators into a fresh temporary directory and imports them, as any project would. The
 * directory is removed once they are imported: every file of the output is loaded by then (its imports are static).
 */
export async function importGenerated(service: ServiceIR): Promise<GeneratedValidators> {
  const dir = mkdtempSync(join(tmpdir(), "emrkit-codegen-validators-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    for (const [file, text] of generateFrom(service, ["validators"])) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    return (await import(pathToFileURL(join(dir, "index.generated.ts")).href)) as GeneratedValidators;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
