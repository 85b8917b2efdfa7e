#!/usr/bin/env node
// Report: a plain-text summary of s3://<bucket>/curated/<day>.json in s3://<bucket>/reports/<day>.txt.
const { GetObjectCommand, PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const [bucket, day] = process.argv.slice(2);
const s3 = new S3Client({});

async function main() {
  const curated = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `curated/${day}.json` }));
  const totals = JSON.parse(await curated.Body.transformToString());
  const lines = Object.entries(totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, total]) => `${region}\t${total}`);
  const key = `reports/${day}.txt`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `Sales on ${day}\n${lines.join("\n")}\n` }));
  console.log(`report in s3://${bucket}/${key}`);
}

main();
