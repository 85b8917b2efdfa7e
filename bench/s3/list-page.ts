/**
 * `npx tsx --conditions=@emrkit/source bench/s3/list-page.ts [keys]`: what one ListObjectsV2 page costs over a
 * folder of many keys (default 20,000, made as plain files in the local S3 root): a first page of max-keys=1, a
 * page from the middle (start-after), and a page of the default 1,000 — each the median of a few, in ms, with
 * the time to walk all the keys a page at a time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { startEmulator } from "../../packages/emulator/src/index.js";

const count = Number(process.argv[2] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), "emrkit-list-page-"));
const folder = join(dir, "s3", "big", "logs");
mkdirSync(folder, { recursive: true });
const key = (i: number) => `part-${String(i).padStart(6, "0")}`;
for (let i = 0; i < count; i++) writeFileSync(join(folder, key(i)), "x");
const emu = await startEmulator({ dataDir: join(dir, "data"), s3Root: join(dir, "s3") });
const s3 = new S3Client({
  endpoint: emu.s3Endpoint,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "x", secretAccessKey: "x" },
});
const timed = async (input: ConstructorParameters<typeof ListObjectsV2Command>[0], runs = 7) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await s3.send(new ListObjectsV2Command(input));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(1);
};
// The first listing describes the files put by hand (their MD5s, remembered): not what a page costs after.
const walk = async (MaxKeys: number) => {
  const start = performance.now();
  let ContinuationToken: string | undefined;
  let pages = 0;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: "big", Prefix: "logs/", MaxKeys, ContinuationToken }),
    );
    ContinuationToken = page.NextContinuationToken;
    pages++;
  } while (ContinuationToken);
  return `${pages} pages in ${(performance.now() - start).toFixed(0)} ms`;
};
console.log(`first walk, 1,000 a page: ${await walk(1000)}`);
console.log({
  keys: count,
  "max-keys=1, first page ms": await timed({ Bucket: "big", Prefix: "logs/", MaxKeys: 1 }),
  "max-keys=1, from the middle ms": await timed({
    Bucket: "big",
    Prefix: "logs/",
    MaxKeys: 1,
    StartAfter: `logs/${key(count / 2)}`,
  }),
  "max-keys=1000 ms": await timed({ Bucket: "big", Prefix: "logs/" }),
  "delimiter / at the root, max-keys=1 ms": await timed({ Bucket: "big", Delimiter: "/", MaxKeys: 1 }),
});
console.log(`walk again, 1,000 a page: ${await walk(1000)}`);
s3.destroy();
await emu.close();
rmSync(dir, { recursive: true, force: true });
