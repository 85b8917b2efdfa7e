#!/usr/bin/env node
// Report: a plain-text summary of the curated totals in s3://<bucket>/reports/<day>.txt.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [bucket, day] = process.argv.slice(2);
const root = join(process.env.EMRKIT_S3_ROOT ?? ".", bucket);
const totals = JSON.parse(readFileSync(join(root, "curated", `${day}.json`), "utf8"));
const lines = Object.entries(totals)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([region, total]) => `${region}\t${total}`);
const out = join(root, "reports", `${day}.txt`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `Sales on ${day}\n${lines.join("\n")}\n`);
console.log(`report in ${out}`);
