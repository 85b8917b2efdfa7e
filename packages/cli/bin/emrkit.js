#!/usr/bin/env node
// Installed, runs dist. In the workspace (src beside bin) runs the sources through tsx, a devDependency, with
// workspace packages resolved by their "@emrkit/source" condition, so that no build step is needed there; unless
// EMRKIT_FROM_DIST=1, with which the workspace runs the built dist as an installed emrkit does (the CLI's tests).
import { existsSync } from "node:fs";
import { register } from "node:module";

// `emrkit … | head`: once the reader is gone, writes to stdout fail with EPIPE. console.log drops such errors, but
// a stream piped into stdout does not (the module hooks' thread, in the workspace, pipes its output there): with
// no listener of its own, stdout's error is thrown. What cannot be written is dropped; the command keeps its status.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

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
