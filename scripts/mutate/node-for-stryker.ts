/**
 * A Node that StrykerJS 10 runs on (≥ 22, its `engines`), while the workspace itself keeps running on the machine's
 * Node 20: this Node if it will do, else Node 24 from the npm registry's `node` package (the same one CI tests on),
 * installed once into the git-ignored `.cache/node-24/` and reused. Not a devDependency: the `node` package's bin
 * would shadow the system node in every pnpm script.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const STRYKER_MIN_NODE_MAJOR = 22;

export function nodeMajor(version: string): number {
  return Number.parseInt(version.replace(/^v/, ""), 10);
}

/** The path of a Node ≥ 22: `process.execPath`, the cached Node 24 under `root`, or one installed there now. */
export function nodeForStryker(root: string, log: (line: string) => void): string {
  if (nodeMajor(process.version) >= STRYKER_MIN_NODE_MAJOR) return process.execPath;
  const prefix = join(root, ".cache", "node-24");
  const node = join(prefix, "node_modules", ".bin", "node");
  if (!runs(node)) {
    log(
      `mutate: StrykerJS needs Node ≥ ${STRYKER_MIN_NODE_MAJOR} (this is ${process.version}); installing node@24 into ${prefix}`,
    );
    execFileSync(
      "npm",
      ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "node@24"],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (!runs(node)) throw new Error(`mutate: npm installed node@24 into ${prefix}, but ${node} does not run`);
  }
  return node;
}

function runs(node: string): boolean {
  if (!existsSync(node)) return false;
  try {
    return nodeMajor(execFileSync(node, ["--version"], { encoding: "utf8" })) >= STRYKER_MIN_NODE_MAJOR;
  } catch {
    return false;
  }
}
