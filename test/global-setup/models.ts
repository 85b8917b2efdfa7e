/**
 * Before any test: says in one loud line which pinned models are missing from `models/`, so that the tests on
 * them are skipped where everyone sees it; with `CI=true` a missing model fails the run instead.
 */
import { existsSync } from "node:fs";
import { MODELS_DIR, readManifest } from "../../scripts/models/manifest.js";

export default function models(): void {
  const missing = readManifest("core").models.filter((model) => !existsSync(`${MODELS_DIR}${model.file}`));
  if (missing.length === 0) return;
  const line =
    `${missing.length} pinned models are missing from models/ (first: ${missing[0]!.file}): ` +
    "the tests on real AWS models are SKIPPED; run `pnpm models`";
  if (process.env.CI === "true") throw new Error(`${line} (CI=true: a missing model is a failure, not a skip)`);
  console.warn(`\n⚠ ${line}\n`);
}
