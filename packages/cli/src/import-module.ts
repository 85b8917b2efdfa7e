import { createRequire } from "node:module";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TYPESCRIPT = new Set([".ts", ".mts"]);
/** What Node throws for a TypeScript file it cannot run: no type stripping, or syntax it cannot strip. */
const CANNOT_RUN_TS = new Set([
  "ERR_UNKNOWN_FILE_EXTENSION",
  "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX",
  "ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING",
]);

/**
 * Imports a pipeline module. emrkit bundles no compiler: a `.ts`/`.mts` file loads as Node loads it (Node ≥22.18
 * and ≥23.6 strip types themselves; in the workspace and in vitest a loader is already registered), else through
 * the user's own tsx, found from the file's folder or the working directory.
 */
export async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(file)).href;
  try {
    return unwrapCommonJs(await import(url));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (!TYPESCRIPT.has(extname(file)) || typeof code !== "string" || !CANNOT_RUN_TS.has(code)) throw error;
    const tsx = findTsx([dirname(resolve(file)), process.cwd()]);
    if (tsx === undefined) throw new Error(cannotRun(file, code, (error as Error).message));
    await import(pathToFileURL(tsx).href); // tsx's loader, as `node --import tsx` registers it
    // A query, because Node 20 remembers the failed import of the plain URL.
    return unwrapCommonJs(await import(`${url}?tsx`));
  }
}

/** tsx's loader (its "." export), resolved as `require` would from the first folder that has it. */
function findTsx(folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    try {
      return createRequire(join(folder, "package.json")).resolve("tsx");
    } catch {
      // not installed there
    }
  }
  return undefined;
}

function cannotRun(file: string, code: string, message: string): string {
  const tsx = "install tsx where the pipeline is (npm install --save-dev tsx)";
  return code === "ERR_UNKNOWN_FILE_EXTENSION"
    ? `cannot load ${file}: Node ${process.version} does not run TypeScript; use Node 22.18 or newer, ${tsx}, or write the pipeline as .js or .mjs`
    : `cannot load ${file}: ${message.split("\n")[0]} (Node ${process.version} only strips types); ${tsx}`;
}

/** tsx runs a `.ts` file outside a `"type": "module"` package as CommonJS, which nests the default export. */
function unwrapCommonJs(module: Record<string, unknown>): Record<string, unknown> {
  const exports = module.default as { __esModule?: boolean } | undefined;
  return exports?.__esModule === true ? (exports as Record<string, unknown>) : module;
}
