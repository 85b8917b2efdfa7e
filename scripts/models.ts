/**
 * `pnpm models [--all]`: puts the pinned API models into `models/` (see models/README.md). Exits 1, in one line
 * naming what it tried, when a model can be had from nowhere. `--if-available` (the test command's) says the
 * same and exits 0, so a clone without models still tests everything else; with `CI=true` it is a failure.
 */
import { relative, resolve } from "node:path";
import { fetchModels } from "./models/fetch-models.js";
import { MODELS_DIR, type ModelSet, readManifest } from "./models/manifest.js";

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !["--all", "--if-available"].includes(arg));
if (unknown.length > 0) {
  console.error(`models: unknown option ${unknown.join(" ")} (options: --all, --if-available)`);
  process.exit(2);
}
const sets: ModelSet[] = args.includes("--all") ? ["core", "all"] : ["core"];
const localDir = process.env.EMRKIT_MODELS_DIR ? resolve(process.env.EMRKIT_MODELS_DIR) : undefined;
const where = `${relative(process.cwd(), MODELS_DIR) || "."}/`;

let failed = false;
for (const set of sets) {
  const manifest = readManifest(set);
  const report = await fetchModels(manifest, { into: MODELS_DIR, localDir });
  const total = manifest.models.length;
  const first = report.missing[0];
  if (!first) {
    const how = [
      report.kept && `${report.kept} already there`,
      report.copied && `${report.copied} copied from ${localDir}`,
      report.downloaded && `${report.downloaded} downloaded`,
    ].filter(Boolean);
    console.log(`models: ${total} pinned models (${set}) ready in ${where} (${how.join(", ")})`);
    continue;
  }
  failed = true;
  const skip = args.includes("--if-available") && process.env.CI !== "true";
  console.error(
    `models: ${report.missing.length} of ${total} pinned models (${set}) missing from ${where}; for ` +
      `${first.model.file} tried ${first.tried.join(", then ")}` +
      (skip ? " — SKIPPING everything that needs them: run `pnpm models` where one of these works" : ""),
  );
}
if (failed && !(args.includes("--if-available") && process.env.CI !== "true")) process.exitCode = 1;
