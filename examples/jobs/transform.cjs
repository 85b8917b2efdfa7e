#!/usr/bin/env node
// Transform: totals the day's sales per region from s3://<bucket>/raw/<day>.csv into s3://<bucket>/curated/<day>.json.
const { GetObjectCommand, PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const [bucket, day] = process.argv.slice(2);
const s3 = new S3Client({});

async function main() {
  const raw = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `raw/${day}.csv` }));
  const totals = {};
  for (const line of (await raw.Body.transformToString()).trim().split("\n").slice(1)) {
    const [, region, amount] = line.split(",");
    totals[region] = (totals[region] ?? 0) + Number(amount);
  }
  const key = `curated/${day}.json`;
  const body = `${JSON.stringify(totals, null, 2)}\n`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/json" }));
  console.log(`totals for ${Object.keys(totals).length} regions in s3://${bucket}/${key}`);
}

main();
