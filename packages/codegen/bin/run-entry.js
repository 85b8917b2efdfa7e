import { existsSync } from "node:fs";
import { register } from "node:module";

/**
 * Imports `src/<entry>` when the package's sources are present (a workspace checkout, through tsx, resolving
 * workspace packages by their "@emrkit/source" export condition), or `dist/<entry as .js>` when installed.
 * `run` gets the module and returns an exit code (or a promise of one).
 */
export async function runFromSourceOrDist(binUrl, entry, run) {
  const source = new URL(`../src/${entry}`, binUrl);
  let module;
  if (existsSync(source)) {
    const { register: registerTsx } = await import("tsx/esm/api");
    registerTsx();
    register(
      "data:text/javascript,export async function resolve(s,c,n){return n(s,{...c,conditions:[...c.conditions,'@emrkit/source']})}",
    );
    module = await import(source.href);
  } else {
    module = await import(new URL(`../dist/${entry.replace(/\.ts$/, ".js")}`, binUrl).href);
  }
  const code = await run(module);
  if (typeof code === "number") process.exitCode = code;
}
