/**
 * `pnpm codegen [--check]`: the generator over the pinned EMR model (see codegen/emr-output.ts). Where `models/`
 * lacks the model (a clone before `pnpm models`), `--check` says in one line that it skips the drift check, or
 * fails with `CI=true`; generating always needs the model.
 */
import { existsSync } from "node:fs";
import { ignoreBrokenPipe, main } from "@emrkit/codegen";
import { EMR_MODEL, EMR_OPERATIONS, EMR_OUT } from "./codegen/emr-output.js";
import { MODELS_DIR } from "./models/manifest.js";

ignoreBrokenPipe();
const check = process.argv.includes("--check");
const model = `${MODELS_DIR}${EMR_MODEL}`;
if (existsSync(model)) {
  const args = ["--model", model, "--operations", EMR_OPERATIONS.join(","), "--out", EMR_OUT];
  process.exitCode = main(check ? [...args, "--check"] : args);
} else if (check && process.env.CI !== "true") {
  console.error(`codegen:check: SKIPPED, models/${EMR_MODEL} is missing: run \`pnpm models\``);
} else {
  console.error(`codegen: models/${EMR_MODEL} is missing: run \`pnpm models\``);
  process.exitCode = 1;
}
