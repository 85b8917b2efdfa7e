#!/usr/bin/env node
// Runs the built command; in the workspace, where the sources are, runs them directly (no build step needed).
import { runFromSourceOrDist } from "./run-entry.js";

await runFromSourceOrDist(import.meta.url, "main.ts", (module) => {
  module.ignoreBrokenPipe();
  return module.main(process.argv.slice(2));
});
