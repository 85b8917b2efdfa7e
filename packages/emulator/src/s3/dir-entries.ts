/**
 * A folder's entries in S3's order, read once and kept while the folder is unchanged: a page of a listing over a
 * folder of 20,000 keys read and sorted all of them each time (measured: 430 ms for a page of one key). An entry
 * is kept with its key as bytes, a folder's with its `/`, which is the order of everything under it (every key of
 * a folder starts with that prefix, and no sibling's key can fall between two of them).
 *
 * Unchanged is the folder's mtime and inode as stat gives them; a folder changed less than a second before it was
 * read is not kept, as the kernel stamps mtimes from a coarse clock and two changes in one tick leave one mtime.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";

export interface DirEntry {
  /** The whole key: the folder's own key and the name, and `/` for a folder. */
  key: string;
  bytes: Buffer;
  folder: boolean;
  name: string;
}

interface Kept {
  mtimeMs: number;
  ino: number;
  entries: DirEntry[];
}

/** Folders are kept while their entries together stay under this; the least recently used go first. */
const MAX_KEPT_ENTRIES = 500_000;
/** Folders changed this recently (ms) when read are read again next time. */
const SETTLED_MS = 1000;

export class DirEntries {
  private readonly kept = new Map<string, Kept>();
  private count = 0;

  /** The entries of `dir` (whose key is `dirKey`, "" or ending in "/"), in S3's order; undefined if it is none. */
  async of(dir: string, dirKey: string): Promise<DirEntry[] | undefined> {
    const st = await stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) return undefined;
    const known = this.kept.get(dir);
    if (known && known.mtimeMs === st.mtimeMs && known.ino === st.ino) {
      this.kept.delete(dir);
      this.kept.set(dir, known);
      return known.entries;
    }
    const readAt = Date.now();
    let dirents: Dirent[];
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const entries: DirEntry[] = [];
    for (const d of dirents) {
      const folder = d.isDirectory();
      if (!folder && !d.isFile()) continue;
      const key = `${dirKey}${d.name}${folder ? "/" : ""}`;
      entries.push({ key, bytes: Buffer.from(key), folder, name: d.name });
    }
    entries.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    this.forget(dir);
    if (readAt - st.mtimeMs >= SETTLED_MS) this.keep(dir, { mtimeMs: st.mtimeMs, ino: st.ino, entries });
    return entries;
  }

  private keep(dir: string, kept: Kept): void {
    this.kept.set(dir, kept);
    this.count += kept.entries.length;
    for (const [oldest, k] of this.kept) {
      if (this.count <= MAX_KEPT_ENTRIES) break;
      this.kept.delete(oldest);
      this.count -= k.entries.length;
    }
  }

  private forget(dir: string): void {
    const known = this.kept.get(dir);
    if (!known) return;
    this.kept.delete(dir);
    this.count -= known.entries.length;
  }
}

/** The index of the first entry that is, or holds, a key after `from` (its bytes); entries.length if none. */
export function firstAfter(entries: readonly DirEntry[], from: Buffer): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Buffer.compare(entries[mid]!.bytes, from) <= 0) lo = mid + 1;
    else hi = mid;
  }
  // The entry before may be a folder whose keys go on past `from` (from = "d/x", the folder "d/").
  const before = entries[lo - 1];
  if (before?.folder && from.length > before.bytes.length && from.subarray(0, before.bytes.length).equals(before.bytes))
    return lo - 1;
  return lo;
}
