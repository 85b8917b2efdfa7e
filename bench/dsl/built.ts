/**
 * The DSL as users run it: compiled by `tsc -p packages/dsl/tsconfig.build.json` (what `pnpm build` publishes), not
 * transformed on the fly by tsx, whose esbuild keeps class names by redefining `name` on every class and so makes
 * V8 construct the builders several times slower than shipped code does. Compiled into node_modules/.cache, so
 * the bench neither races nor replaces a `dist` someone else is building. `EMRKIT_BENCH_DSL=<dir>` measures a
 * build already made there instead (an older commit's, to compare).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "node_modules/.cache/emrkit-bench/dsl");
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");

const given = process.env.EMRKIT_BENCH_DSL;
// Outside a `"type": "module"` package, Node takes the compiled .js for CommonJS and tsx transforms it again, with
// the slow classes this file exists to avoid: the figures would be the transformed code's, not the build's.
if (given !== undefined && !isModulePackage(given)) {
  throw new Error(`EMRKIT_BENCH_DSL=${given}: put a package.json with "type": "module" in or above it first`);
}
if (given === undefined) {
  execFileSync(
    process.execPath,
    [tsc, "-p", join(root, "packages/dsl/tsconfig.build.json"), "--outDir", outDir, "--declaration", "false"],
    { stdio: "inherit" },
  );
}

/** `@emrkit/dsl`, compiled. */
export const dsl = (await import(
  pathToFileURL(join(given ?? outDir, "index.js")).href
)) as typeof import("@emrkit/dsl");

/** Whether the nearest package.json at or above `dir` says `"type": "module"`, as Node decides for a .js file. */
function isModulePackage(dir: string): boolean {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const file = join(at, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { type?: string }).type === "module";
    if (dirname(at) === at) return false;
  }
}
