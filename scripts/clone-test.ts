/**
 * `pnpm clone-test`: what someone who clones the public repository gets. Clones HEAD into a temp folder (no
 * `models/` files, no folder beside it), installs, and runs the test command's model-free part as they would:
 * `pnpm models` must say in one line that it skips, and exit 0, or 1 with `CI=true`; `codegen:check` must skip in
 * one line; lint, typecheck and the codegen tests must pass with the model tests shown as skipped, not vanished.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PNPM = ["-y", "pnpm@12.4.2"];
const root = new URL("..", import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), "emrkit-clone-test-"));
const clone = join(temp, "emrkit");
// As on a stranger's machine: no models folder to copy from, not in CI unless we say so.
const { EMRKIT_MODELS_DIR: _, CI: __, ...env } = process.env;

function run(command: string, args: string[], extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  console.log(
    `clone-test: ${command} ${args.join(" ")}${Object.keys(extra).length ? ` (${JSON.stringify(extra)})` : ""}`,
  );
  return spawnSync(command, args, { cwd: clone, env: { ...env, ...extra }, encoding: "utf8", maxBuffer: 1 << 28 });
}

function expectRun(result: SpawnSyncReturns<string>, code: number, output?: RegExp): string {
  const text = `${result.stdout}${result.stderr}`;
  if (result.status !== code || (output && !output.test(text))) {
    throw new Error(`exit ${result.status} (expected ${code}${output ? `, output matching ${output}` : ""}):\n${text}`);
  }
  return text;
}

try {
  expectRun(spawnSync("git", ["clone", "--quiet", "--no-hardlinks", root, clone], { encoding: "utf8" }), 0);
  const models = readdirSync(join(clone, "models")).filter((file) => !/^manifest.*\.json$|^README\.md$/.test(file));
  if (models.length > 0) throw new Error(`the clone has model files in models/: ${models.join(", ")}`);
  expectRun(run("npx", [...PNPM, "install", "--frozen-lockfile", "--prefer-offline"]), 0);

  const skipLine = /SKIPPING everything that needs them: run `pnpm models`/;
  console.log(expectRun(run("npx", [...PNPM, "models", "--if-available"]), 0, skipLine).trim());
  expectRun(run("npx", [...PNPM, "models", "--if-available"], { CI: "true" }), 1, /missing from models\//);
  expectRun(
    run("npx", [...PNPM, "models"]),
    1,
    /tried EMRKIT_MODELS_DIR: not set, then https:\/\/raw\.githubusercontent/,
  );
  console.log(expectRun(run("npx", [...PNPM, "codegen:check"]), 0, /codegen:check: SKIPPED.*pnpm models/).trim());
  expectRun(run("npx", [...PNPM, "codegen:check"], { CI: "true" }), 1);
  expectRun(run("npx", [...PNPM, "lint"]), 0);
  expectRun(run("npx", [...PNPM, "typecheck"]), 0);
  const tests = expectRun(
    run("npx", [...PNPM, "exec", "vitest", "run", "packages/codegen"]),
    0,
    /SKIPPED; run `pnpm models`/,
  );
  const skipped = /Tests\s.*?(\d+) skipped/.exec(tests.replace(/\x1b\[[0-9;]*m/g, ""));
  if (!skipped) throw new Error(`the codegen tests skipped nothing without models:\n${tests}`);
  console.log(`clone-test: passed; without models the codegen tests show ${skipped[1]} skipped`);
} catch (error) {
  console.error(`clone-test: FAILED: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(temp, { recursive: true, force: true });
}
