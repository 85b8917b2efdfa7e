/**
 * The CLI as users run it: the bin on dist, never the sources. Builds what is out of date before the first test
 * of a file, in a fresh clone everything: the JavaScript of @emrkit/dsl, runtime, emulator, codegen and emrkit,
 * each file transpiled by TypeScript alone (transpileModule: the emit of `tsc`, without its type check, which `pnpm
 * typecheck` does; a few seconds for all of them, against 30 s for tsc -p of four). A file whose dist is newer than its
 * source is left alone, so the test files after the first build nothing; each output is written beside its place
 * and renamed there, so that files building at the same moment never see half of one.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

const root = new URL("../../..", import.meta.url).pathname;
// codegen for `emrkit codegen`, its optional peer.
const PACKAGES = ["dsl", "runtime", "emulator", "codegen", "cli"];
export const bin = join(root, "cli", "bin", "emrkit.js");

let built: Promise<string> | undefined;

export function builtCli(): Promise<string> {
  built ??= Promise.resolve().then(() => {
    for (const pkg of PACKAGES) buildPackage(join(root, pkg));
    return bin;
  });
  return built;
}

function buildPackage(dir: string): void {
  const src = join(dir, "src");
  for (const entry of readdirSync(src, { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".ts") || entry.endsWith(".d.ts")) continue;
    const from = join(src, entry);
    const to = join(dir, "dist", entry.replace(/\.ts$/, ".js"));
    if (isFresh(from, to)) continue;
    const { outputText } = ts.transpileModule(readFileSync(from, "utf8"), {
      fileName: from,
      compilerOptions: {
        target: ts.ScriptTarget.ES2023,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        isolatedModules: true,
      },
    });
    mkdirSync(dirname(to), { recursive: true });
    const partial = `${to}.${process.pid}.partial`;
    writeFileSync(partial, outputText);
    renameSync(partial, to);
  }
}

function isFresh(source: string, output: string): boolean {
  try {
    return statSync(output).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
}
