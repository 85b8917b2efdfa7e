/**
 * The keys of a bucket in S3's order (by the UTF-8 bytes of the key, as the S3 User Guide says listings are),
 * from its folder: every file, and every folder that is a marker object (`dir/`), one at a time, from the first
 * after a given key: a page of a listing reads only the folders it passes through, and each folder's entries are
 * kept sorted while it is unchanged (dir-entries.ts). Only the folder a prefix names is walked. Hidden entries of
 * the emulator's are not in buckets, so nothing is skipped.
 */
import { join } from "node:path";
import { DirEntries, firstAfter } from "./dir-entries.js";
import { keyPath } from "./key-path.js";
import type { MetadataStore } from "./metadata-store.js";

export interface ListedKey {
  key: string;
  path: string;
  folder: boolean;
}

/** Where a walk stands: after which key it goes on, and which keys (a common prefix given already) it passes by. */
export interface Cursor {
  after: string;
  /** Keys starting with this are skipped, and folders whose keys all do are not walked. */
  skip?: string;
}

export class KeyLister {
  private readonly dirs = new DirEntries();

  constructor(private readonly metadata: MetadataStore) {}

  /** The keys under `prefix` after `cursor.after`, in S3's order; `cursor` may change between two keys. */
  async *keys(bucket: string, bucketDir: string, prefix: string, cursor: Cursor): AsyncGenerator<ListedKey> {
    const within = prefix.slice(0, prefix.lastIndexOf("/") + 1);
    let start = bucketDir;
    if (within !== "") {
      try {
        start = keyPath(bucketDir, within).path;
      } catch {
        return; // a prefix no storable key can have
      }
    }
    yield* this.walk(bucket, start, within, prefix, cursor);
  }

  private async *walk(
    bucket: string,
    dir: string,
    dirKey: string,
    prefix: string,
    cursor: Cursor,
  ): AsyncGenerator<ListedKey> {
    const entries = await this.dirs.of(dir, dirKey);
    if (!entries) return;
    for (let i = cursor.after === "" ? 0 : firstAfter(entries, Buffer.from(cursor.after)); i < entries.length; i++) {
      // A common prefix this folder is inside was given: nothing more here is listed.
      if (cursor.skip !== undefined && dirKey.startsWith(cursor.skip)) return;
      const entry = entries[i]!;
      const path = join(dir, entry.name);
      if (cursor.skip !== undefined && entry.key.startsWith(cursor.skip)) continue;
      if (!entry.folder) {
        if (entry.key.startsWith(prefix) && isAfter(entry.key, cursor.after))
          yield { key: entry.key, path, folder: false };
        continue;
      }
      if (!entry.key.startsWith(prefix) && !prefix.startsWith(entry.key)) continue;
      if (
        entry.key.startsWith(prefix) &&
        isAfter(entry.key, cursor.after) &&
        (await this.metadata.read(bucket, entry.key))
      )
        yield { key: entry.key, path, folder: true };
      yield* this.walk(bucket, path, entry.key, prefix, cursor);
    }
  }
}

/** a > b in S3's order (b "" is before every key). */
export const isAfter = (a: string, b: string) => b === "" || Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0;
