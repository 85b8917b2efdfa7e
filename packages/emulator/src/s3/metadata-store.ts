/**
 * What S3 keeps of an object besides its bytes (ETag, content type, user metadata, the headers it gives back),
 * kept beside the local S3 folder, never in it: one small JSON file per object in `<dataDir>/s3-meta/<bucket>/`,
 * named after the SHA-256 of the key (so a key's length or its `/`s never matter). Each remembers the size and
 * mtime of the file it describes: a file changed or put there by hand no longer matches, and is then described
 * afresh (its MD5 as ETag, binary/octet-stream).
 *
 * These files are a few hundred bytes, read and written with synchronous calls: cheaper than a trip through
 * libuv's four-thread pool, which a loaded machine makes the slowest part of a small request. The last ones used
 * are also kept in memory.
 */
import { createHash, randomUUID } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { replaceFileSync } from "./replace-file.js";

export interface ObjectMeta {
  etag: string;
  size: number;
  mtimeMs: number;
  contentType: string;
  /** x-amz-meta-* as sent, names lowercased, without the prefix. */
  meta: Record<string, string>;
  /** Content-Disposition, Content-Encoding, Cache-Control and the like, as sent. */
  headers: Record<string, string>;
}

/** The most a description is written in place (one page; see write). */
const PAGE = 4096;

/** How many descriptions are kept in memory, the most recently used. */
const CACHED = 10_000;

export class MetadataStore {
  private readonly cache = new Map<string, ObjectMeta>();

  constructor(readonly root: string) {}

  private remember(file: string, meta: ObjectMeta | undefined): void {
    this.cache.delete(file);
    if (meta === undefined) return;
    this.cache.set(file, meta);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
  }

  private fileOf(bucket: string, key: string): string {
    return join(this.root, bucket, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  async read(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    const file = this.fileOf(bucket, key);
    const cached = this.cache.get(file);
    if (cached) return cached;
    try {
      const meta = JSON.parse(readFileSync(file, "utf8")) as ObjectMeta;
      this.remember(file, meta);
      return meta;
    } catch {
      return undefined;
    }
  }

  /**
   * Written over the old description in place, in one write at offset 0 of at most a page, padded with spaces
   * (which JSON.parse ignores) when shorter than what it replaces: no file made and removed per put, which cost
   * more than the rest of a small put's file work (profiled). The readers of these files are this process's
   * synchronous calls, which never run beside a write, and a write of one page is whole or not done when the
   * process dies. A description longer than a page, or replacing one that was, goes to a temporary file, renamed.
   */
  async write(bucket: string, key: string, meta: ObjectMeta): Promise<void> {
    const file = this.fileOf(bucket, key);
    this.writeInPlace(bucket, file, Buffer.from(JSON.stringify(meta)));
    this.remember(file, meta);
  }

  /**
   * Puts an object in place (`place`: a rename) with its description, in the order a full disk needs. A key with no
   * description yet gets it first, so that a disk without room for it refuses the put while nothing is there (a
   * description without its object is harmless, reads need the object's file; removed if `place` fails). A key
   * described before is put in place first, then its description replaced in place (`write`: the page it has needs
   * no room; a crash between leaves the new object with the old description, which no longer fits it, so it is
   * described afresh). A key in the cache is known to be described: no exclusive create is tried.
   */
  placeDescribed(bucket: string, key: string, meta: ObjectMeta, place: () => void): void {
    const file = this.fileOf(bucket, key);
    const text = Buffer.from(JSON.stringify(meta));
    const created = !this.cache.has(file) && this.createExclusive(bucket, file, text);
    try {
      place();
    } catch (error) {
      if (created) rmSync(file, { force: true });
      throw error;
    }
    if (!created) this.writeInPlace(bucket, file, text);
    this.remember(file, meta);
  }

  private writeInPlace(bucket: string, file: string, text: Buffer): void {
    const fd = text.length > PAGE ? undefined : this.openToWrite(bucket, file);
    let whole = fd === undefined;
    if (fd !== undefined) {
      try {
        const before = fstatSync(fd).size;
        whole = before > PAGE;
        if (!whole) {
          const padded = before > text.length ? Buffer.concat([text, Buffer.alloc(before - text.length, 32)]) : text;
          writeSync(fd, padded, 0, padded.length, 0);
        }
      } finally {
        closeSync(fd);
      }
    }
    if (whole) this.writeWhole(bucket, file, text);
  }

  /** Writes a description that does not exist yet; false, writing nothing, when one does. */
  private createExclusive(bucket: string, file: string, text: Buffer): boolean {
    let fd: number;
    try {
      fd = this.openToWrite(bucket, file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      writeSync(fd, text, 0, text.length, 0);
    } catch (error) {
      closeSync(fd);
      rmSync(file, { force: true });
      throw error;
    }
    closeSync(fd);
    return true;
  }

  private openToWrite(bucket: string, file: string, flags = constants.O_WRONLY | constants.O_CREAT): number {
    try {
      return openSync(file, flags, 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(join(this.root, bucket), { recursive: true });
      return openSync(file, flags, 0o644);
    }
  }

  private writeWhole(bucket: string, file: string, text: Buffer): void {
    const temp = `${file}.${randomUUID()}`;
    try {
      writeFileSync(temp, text);
    } catch {
      mkdirSync(join(this.root, bucket), { recursive: true });
      writeFileSync(temp, text);
    }
    replaceFileSync(temp, file);
  }

  async remove(bucket: string, key: string): Promise<void> {
    const file = this.fileOf(bucket, key);
    this.remember(file, undefined);
    await rm(file, { force: true });
  }

  async removeBucket(bucket: string): Promise<void> {
    this.cache.clear();
    await rm(join(this.root, bucket), { recursive: true, force: true });
  }
}

/** Whether a description still fits the file it was written for. */
export const describes = (meta: ObjectMeta | undefined, size: number, mtimeMs: number): meta is ObjectMeta =>
  meta !== undefined && meta.size === size && meta.mtimeMs === mtimeMs;
