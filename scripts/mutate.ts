/**
 * `pnpm mutate [package] [stryker options]`: mutation testing with StrykerJS on a package's scope
 * (stryker/scopes.ts; every package in turn when none is named), incremental, on Node 24 (StrykerJS 10 needs ≥ 22;
 * see node-for-stryker.ts). Options after the package go to `stryker run`: `--mutate <file>` to narrow a run while
 * working, `--force` to test every mutant again. Reports go to `reports/mutation/<package>/` (git-ignored):
 * index.html, mutation.json, and summary.json (counts and score per file, with the run time). Not part of
 * `pnpm test`: on two cores a package takes from minutes to an hour.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMutatedPackage, MUTATED_PACKAGES, type MutatedPackage } from "../stryker/scopes.js";
import { nodeForStryker } from "./mutate/node-for-stryker.js";
import { formatSummary, summarizeReport } from "./mutate/summarize-report.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const named = args[0] !== undefined && !args[0].startsWith("-") ? args[0] : undefined;
if (named !== undefined && !isMutatedPackage(named)) {
  console.error(`mutate: no mutation scope for "${named}" (packages: ${MUTATED_PACKAGES.join(", ")})`);
  process.exit(2);
}
const packages: readonly MutatedPackage[] = named === undefined ? MUTATED_PACKAGES : [named];
const strykerOptions = named === undefined ? args : args.slice(1);

const node = nodeForStryker(root, (line) => console.log(line));
let failed = false;
for (const name of packages) failed = !mutate(name) || failed;
process.exit(failed ? 1 : 0);

function mutate(name: MutatedPackage): boolean {
  const reports = join(root, "reports", "mutation", name);
  // The run's own temp directory: a test runner Stryker kills (a mutant that loops) never runs the no-litter
  // teardown that would remove its emrkit-test-run-* folder, so that folder lands here and goes with this one.
  const temp = mkdtempSync(join(tmpdir(), "emrkit-mutate-"));
  const started = Date.now();
  try {
    const stryker = join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
    const run = spawnSync(node, [stryker, "run", "stryker/stryker.config.ts", ...strykerOptions], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, EMRKIT_MUTATE_PACKAGE: name, TMPDIR: temp },
    });
    if (run.status !== 0) {
      console.error(`mutate: stryker on ${name} exited with ${run.status ?? run.signal}`);
      return false;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const summary = summarizeReport(JSON.parse(readFileSync(join(reports, "mutation.json"), "utf8")));
  writeFileSync(join(reports, "summary.json"), `${JSON.stringify({ package: name, seconds, ...summary }, null, 2)}\n`);
  console.log(`\nmutate: ${name} in ${seconds} s (reports/mutation/${name}/index.html, summary.json)`);
  for (const line of formatSummary(summary)) console.log(`  ${line}`);
  return true;
}
