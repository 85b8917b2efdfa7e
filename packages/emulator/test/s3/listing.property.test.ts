/**
 * ListObjectsV2 against a model of S3's listing (API reference, ListObjectsV2: keys in UTF-8 binary order,
 * `prefix`, `delimiter` rolling keys up into CommonPrefixes that count once each, `start-after`, `max-keys`,
 * continuation): any keys as plain files in a bucket's folder, walked a page at a time with the SDK, give the
 * model's keys and prefixes once each, in order. The walk reads folders lazily and keeps their entries
 * (list-keys.ts, dir-entries.ts); this is what says it still lists what S3 would.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/index.js";
import { started } from "../support.js";
import { s3For } from "./s3-clients.js";

let emu: EmulatorHandle;
let s3: S3Client;
beforeEach(async () => {
  emu = await started();
  s3 = s3For(emu);
});

const bytes = (s: string) => Buffer.from(s);
const byBytes = (a: string, b: string) => Buffer.compare(bytes(a), bytes(b));

/** What S3 answers, all pages together. */
function model(keys: string[], prefix: string, delimiter: string | undefined, startAfter: string) {
  const out: string[] = [];
  const prefixes: string[] = [];
  for (const key of [...keys].sort(byBytes)) {
    if (!key.startsWith(prefix) || (startAfter !== "" && byBytes(key, startAfter) <= 0)) continue;
    const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (at < 0) out.push(key);
    else {
      const common = key.slice(0, at + delimiter!.length);
      // A prefix equal to start-after is taken as given already, as a continuation from it is (a guess: S3's
      // reference says only that the listing starts after that key).
      if (prefixes.at(-1) !== common && common !== startAfter) prefixes.push(common);
    }
  }
  return { keys: out, prefixes };
}

/** Keys a folder can hold together: no key is also the folder of another (`a` beside `a/b`). */
const storable = (keys: string[]) =>
  [...new Set(keys)].filter((k, _, all) => !all.some((o) => o !== k && o.startsWith(`${k}/`)));

const part = fc.constantFrom("a", "b", "a-b", "a.b", "ab", "ü", "0", "z");
const keyArb = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/"));

let run = 0;

/** Stamps a folder and those under it an hour back: settled, so the walk keeps their entries (dir-entries.ts). */
function settle(dir: string): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isDirectory()) utimesSync(join(entry.parentPath, entry.name), past, past);
  utimesSync(dir, past, past);
}

async function keysOf(bucket: string, Prefix = ""): Promise<string[]> {
  const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix }));
  return (page.Contents ?? []).map((c) => c.Key!);
}

describe("ListObjectsV2, a page at a time", () => {
  it("gives what S3's order, prefix, delimiter, start-after and max-keys say, each key or prefix once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(keyArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom("", "a", "a/", "a/b", "b/", "ü", "z/a"),
        fc.constantFrom(undefined, "/", "-", "b"),
        fc.constantFrom("", "a", "a/b", "a-b", "b/a/z", "ü"),
        fc.integer({ min: 1, max: 4 }),
        async (raw, prefix, delimiter, startAfter, max) => {
          const keys = storable(raw);
          const bucket = `list-${run++}`;
          for (const key of keys) {
            const path = join(emu.s3Root, bucket, ...key.split("/"));
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, key);
          }
          settle(join(emu.s3Root, bucket));
          const got = { keys: [] as string[], prefixes: [] as string[] };
          let ContinuationToken: string | undefined;
          let pages = 0;
          do {
            const page = await s3.send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                ...(delimiter ? { Delimiter: delimiter } : {}),
                ...(startAfter ? { StartAfter: startAfter } : {}),
                MaxKeys: max,
                ContinuationToken,
              }),
            );
            const n = (page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0);
            expect(n).toBeLessThanOrEqual(max);
            expect(page.KeyCount).toBe(n);
            got.keys.push(...(page.Contents ?? []).map((c) => c.Key!));
            got.prefixes.push(...(page.CommonPrefixes ?? []).map((c) => c.Prefix!));
            ContinuationToken = page.NextContinuationToken;
            expect(++pages).toBeLessThan(40);
          } while (ContinuationToken);
          expect(got).toEqual(model(keys, prefix, delimiter, startAfter));
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("sees a file added or removed by hand in a folder whose entries it kept", async () => {
    const dir = join(emu.s3Root, "kept", "logs");
    mkdirSync(dir, { recursive: true });
    for (const name of ["a", "c"]) writeFileSync(join(dir, name), name);
    settle(join(emu.s3Root, "kept"));
    expect(await keysOf("kept", "logs/")).toEqual(["logs/a", "logs/c"]);
    expect(await keysOf("kept", "logs/")).toEqual(["logs/a", "logs/c"]);
    writeFileSync(join(dir, "b"), "b");
    expect(await keysOf("kept", "logs/")).toEqual(["logs/a", "logs/b", "logs/c"]);
  });
});
