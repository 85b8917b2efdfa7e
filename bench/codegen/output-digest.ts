/**
 * `npx tsx --conditions=@emrkit/source bench/codegen/output-digest.ts DIR OUT.json [format…]`: the sha256 of every
 * file the generator writes for every service of DIR (laid out like models/all), so that a change meant to keep the
 * output byte-identical can be checked over every model: run it before and after, then compare the two files with
 * `output-digest.ts --compare OLD.json NEW.json` (prints every service whose output differs; exit 1 if any).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMITTERS, generateEach, loadModelFile, ModelError } from "@emrkit/codegen";

type Digest = Record<string, Record<string, string>>;

function digest(dir: string, formats: readonly string[]): Digest {
  const out: Digest = {};
  for (const format of formats) {
    const folder = join(dir, format);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith(".json") || /paginators|waiters/.test(file)) continue;
      let files: Record<string, string> = {};
      try {
        generateEach(loadModelFile(join(folder, file)), EMITTERS, (path, text) => {
          files[path] = createHash("sha256").update(text).digest("hex");
        });
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        files = { "<refused>": error.message };
      }
      out[`${format}/${file}`] = files;
    }
  }
  return out;
}

function compare(oldPath: string, newPath: string): number {
  const before = JSON.parse(readFileSync(oldPath, "utf8")) as Digest;
  const after = JSON.parse(readFileSync(newPath, "utf8")) as Digest;
  let differ = 0;
  for (const service of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[service] ?? {};
    const b = after[service] ?? {};
    const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((p) => a[p] !== b[p]);
    if (paths.length === 0) continue;
    differ++;
    console.log(`${service}: ${paths.length} files differ, first ${paths[0]}`);
  }
  const files = Object.values(before).reduce((n, f) => n + Object.keys(f).length, 0);
  console.log(`${Object.keys(before).length} services, ${files} files compared: ${differ} services differ`);
  return differ === 0 ? 0 : 1;
}

const [first, second, ...rest] = process.argv.slice(2);
if (first === "--compare" && second && rest[0]) process.exitCode = compare(second, rest[0]);
else if (first && second) {
  writeFileSync(second, JSON.stringify(digest(first, rest.length > 0 ? rest : ["botocore", "smithy"]), null, 1));
} else {
  console.error("usage: output-digest.ts DIR OUT.json [format…] | --compare OLD.json NEW.json");
  process.exitCode = 2;
}
