import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, test } from "vitest";
import { EMR_MODEL, EMR_OPERATIONS } from "../../../../scripts/codegen/emr-output.js";

/** The operations `pnpm codegen` generates for `@emrkit/dsl`. */
export const DSL_OPERATIONS = EMR_OPERATIONS;

/**
 * The pinned API models in the project's `models/` (`pnpm models` puts them there; see models/README.md). The
 * tests on them are declared from the manifest, so that without the files they show as skipped, never vanish.
 */
export const MODELS_DIR = fileURLToPath(new URL("../../../../models/", import.meta.url));

const manifest = JSON.parse(readFileSync(`${MODELS_DIR}manifest.json`, "utf8")) as {
  models: { file: string }[];
};

/** Every pinned service model (both formats), as paths; paginators and waiters are not service models. */
export function serviceModels(): string[] {
  return manifest.models
    .map((model) => model.file)
    .filter((file) => !/paginators|waiters/.test(file))
    .sort()
    .map((file) => `${MODELS_DIR}${file}`);
}

export const hasModel = (path: string): boolean => existsSync(path);

/** `describe(label, body)` when every model is in `models/`; else one skipped test that says what to run. */
export function describeWithModels(label: string, models: readonly string[], body: () => void | Promise<void>): void {
  const missing = models.filter((path) => !hasModel(path)).map((path) => path.slice(MODELS_DIR.length));
  if (missing.length === 0) describe(label, body);
  else describe(label, () => test.skip(`needs models/${missing.join(", models/")}: run \`pnpm models\``));
}

export const EMR_BOTOCORE = `${MODELS_DIR}${EMR_MODEL}`;
export const EMR_SMITHY = `${MODELS_DIR}smithy/emr-2009-03-31.json`;
