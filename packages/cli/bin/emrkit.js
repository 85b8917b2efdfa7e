#!/usr/bin/env node
// Installed, runs dist. In the workspace (src beside bin) runs the sources through tsx, a devDependency, with
// workspace packages resolved by their "@emrkit/source" condition, so that no build step is needed there; unless
// EMRKIT_FROM_DIST=1, with which the workspace runs the built dist as an installed emrkit does (the CLI's tests).
import { existsSync } from "node:fs";
import { register } from "node:module";

const source = new URL("../src/main.ts", import.meta.url);
let entry = new URL("../dist/main.js", import.meta.url);
if (existsSync(source) && process.env.EMRKIT_FROM_DIST !== "1") {
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  register(
    "data:text/javascript,export async function resolve(s,c,n){return n(s,{...c,conditions:[...c.conditions,'@emrkit/source']})}",
  );
  entry = source;
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
