#!/usr/bin/env node
// Prepare: lands the day's raw sales as CSV in s3://<bucket>/raw/<day>.csv (here: under the local S3 root).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [bucket, day] = process.argv.slice(2);
const out = join(process.env.EMRKIT_S3_ROOT ?? ".", bucket, "raw", `${day}.csv`);
const regions = ["eu-west-1", "us-east-1", "ap-south-1"];
const rows = Array.from({ length: 30 }, (_, i) => `${i},${regions[i % 3]},${(i * 7) % 50}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `order,region,amount\n${rows.join("\n")}\n`);
console.log(`prepared ${rows.length} orders in ${out}`);
