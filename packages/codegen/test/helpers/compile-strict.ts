import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const ROOT = new URL("../../../../", import.meta.url);

/** The project's strict compiler options (tsconfig.base.json), for checking generated files on their own. */
export const STRICT_OPTIONS: ts.CompilerOptions = (() => {
  const path = new URL("tsconfig.base.json", ROOT).pathname;
  const { config } = ts.readConfigFile(path, (p) => readFileSync(p, "utf8"));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, new URL(".", ROOT).pathname);
  // No ambient types: the output must compile with nothing but the standard library.
  return { ...parsed.options, noEmit: true, types: [], declaration: false, sourceMap: false };
})();

const libCache = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks the `.ts` files of a directory as one program with the strict options; returns the diagnostics as
 * text (empty when it compiles). Library files are parsed once per process, so each program costs only its own files.
 */
export function compileStrict(dir: string, files: readonly string[]): string[] {
  const host = ts.createCompilerHost(STRICT_OPTIONS);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    if (fileName.startsWith(dir)) return original(fileName, language, onError, shouldCreate);
    if (!libCache.has(fileName)) libCache.set(fileName, original(fileName, language, onError, shouldCreate));
    return libCache.get(fileName);
  };
  const roots = files.filter((f) => f.endsWith(".ts")).map((f) => join(dir, f));
  const program = ts.createProgram(roots, STRICT_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) =>
    ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => dir,
      getNewLine: () => "\n",
    }),
  );
}
