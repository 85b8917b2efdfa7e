/**
 * Generality: every operation of every pinned model in models/, both formats, generates output that compiles on
 * its own under the project's strict options, schema files that parse and docs that say something.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { generate } from "../src/index.js";
import { compileStrict } from "./helpers/compile-strict.js";
import { hasModel, serviceModels } from "./helpers/models.js";
import { tempDir } from "./helpers/temp-dir.js";

const temp = tempDir("emrkit-codegen-all-");
// The output is ESM; the project that receives it says so.
beforeAll(() => writeFileSync(join(temp, "package.json"), '{ "type": "module" }\n'));

describe("every pinned model", () => {
  for (const path of serviceModels()) {
    const label = `${basename(dirname(path))}/${basename(path)}`;
    // Declared from the manifest, so a missing file shows as a skipped test (the run's setup names `pnpm models`).
    test.skipIf(!hasModel(path))(
      `${label}: every operation compiles under strict tsc`,
      () => {
        const files = generate({ model: path });
        const out = join(temp, label.replace(/[/.]/g, "_"));
        for (const [file, text] of files) {
          mkdirSync(dirname(join(out, file)), { recursive: true });
          writeFileSync(join(out, file), text);
        }
        expect(compileStrict(out, [...files.keys()])).toEqual([]);
        for (const [file, text] of files) {
          if (!file.endsWith(".ts")) continue;
          // Self-contained: every import is a sibling file of the output.
          for (const [, specifier] of text.matchAll(/\bfrom\s+"([^"]+)"/g)) {
            expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\/[\w.-]+\.js$/);
            expect(files.has(specifier!.slice(2).replace(/\.js$/, ".ts")), `${file} imports ${specifier}`).toBe(true);
          }
        }
        const schemas = [...files].filter(([file]) => file.endsWith(".schema.json"));
        expect(schemas.length).toBeGreaterThan(0);
        for (const [, text] of schemas) expect(JSON.parse(text)).toHaveProperty("$defs");
        const docs = [...files].filter(([file]) => file.endsWith(".md"));
        for (const [, text] of docs) expect(text.replace(/<!--[\s\S]*?-->/, "").trim().length).toBeGreaterThan(20);
        // A whole model through strict tsc: seconds alone, far more on a machine shared with other runs.
      },
      120_000,
    );
  }
});
