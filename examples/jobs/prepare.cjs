#!/usr/bin/env node
// Prepare: lands the day's raw sales as CSV in s3://<bucket>/raw/<day>.csv, with the AWS SDK as on a cluster. On the
// emulator the SDK finds the local S3 endpoint, region and credentials in the step's environment (AWS_ENDPOINT_URL_S3…).
const { PutObjectCommand, S3Client } = require("@aws-sdk/client-s3");

const [bucket, day] = process.argv.slice(2);
const regions = ["eu-west-1", "us-east-1", "ap-south-1"];
const rows = Array.from({ length: 30 }, (_, i) => `${i},${regions[i % 3]},${(i * 7) % 50}`);
const key = `raw/${day}.csv`;

new S3Client({})
  .send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `order,region,amount\n${rows.join("\n")}\n` }))
  .then(() => console.log(`prepared ${rows.length} orders in s3://${bucket}/${key}`));
