#!/usr/bin/env node
// Transform: totals the day's sales per region into s3://<bucket>/curated/<day>.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [bucket, day] = process.argv.slice(2);
const root = join(process.env.EMRKIT_S3_ROOT ?? ".", bucket);
const totals = {};
for (const line of readFileSync(join(root, "raw", `${day}.csv`), "utf8")
  .trim()
  .split("\n")
  .slice(1)) {
  const [, region, amount] = line.split(",");
  totals[region] = (totals[region] ?? 0) + Number(amount);
}
const out = join(root, "curated", `${day}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(totals, null, 2)}\n`);
console.log(`totals for ${Object.keys(totals).length} regions in ${out}`);
