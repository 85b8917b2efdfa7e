/**
 * The keys of a bucket in S3's order (by the UTF-8 bytes of the key, as the S3 User Guide says listings are),
 * from its folder: every file, and every folder that is a marker object (`dir/`). Only the folder a prefix names
 * is walked. Hidden entries of the emulator's are not in buckets, so nothing is skipped.
 */
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { keyOf, keyPath } from "./key-path.js";
import type { MetadataStore } from "./metadata-store.js";

export interface ListedKey {
  key: string;
  path: string;
  folder: boolean;
}

export async function listKeys(
  bucket: string,
  bucketDir: string,
  prefix: string,
  metadata: MetadataStore,
): Promise<ListedKey[]> {
  const within = prefix.slice(0, prefix.lastIndexOf("/") + 1);
  let start = bucketDir;
  if (within !== "") {
    try {
      start = keyPath(bucketDir, within).path;
    } catch {
      return []; // a prefix no storable key can have
    }
  }
  const out: ListedKey[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isFile()) {
          const key = keyOf(bucketDir, path, false);
          if (key.startsWith(prefix)) out.push({ key, path, folder: false });
        } else if (entry.isDirectory()) {
          const key = keyOf(bucketDir, path, true);
          if (!key.startsWith(prefix) && !prefix.startsWith(key)) return;
          if (key.startsWith(prefix) && (await metadata.read(bucket, key))) out.push({ key, path, folder: true });
          await walk(path);
        }
      }),
    );
  };
  await walk(start);
  return sortByBytes(out);
}

export function sortByBytes(keys: ListedKey[]): ListedKey[] {
  const withBytes = keys.map((k) => [Buffer.from(k.key), k] as const);
  withBytes.sort((a, b) => Buffer.compare(a[0], b[0]));
  return withBytes.map(([, k]) => k);
}

/** a > b in S3's order. */
export const after = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0;
