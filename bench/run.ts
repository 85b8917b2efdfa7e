/**
 * `pnpm bench [name…]`: runs every `bench/*.bench.ts` (or the ones named) in one process, one after another, each
 * printing its own table of figures against the peers it measures.
 */
import { readdirSync } from "node:fs";

const wanted = process.argv.slice(2);
const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, "")}\n`);
  const module = (await import(`./${file}`)) as { default: () => Promise<void> };
  await module.default();
}
