/**
 * What S3 keeps of an object besides its bytes (ETag, content type, user metadata, the headers it gives back),
 * kept beside the local S3 folder, never in it: one small JSON file per object in `<dataDir>/s3-meta/<bucket>/`,
 * named after the SHA-256 of the key (so a key's length or its `/`s never matter). Each remembers the size and
 * mtime of the file it describes: a file changed or put there by hand no longer matches, and is then described
 * afresh (its MD5 as ETag, binary/octet-stream).
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

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

export class MetadataStore {
  constructor(readonly root: string) {}

  private fileOf(bucket: string, key: string): string {
    return join(this.root, bucket, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  async read(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    try {
      return JSON.parse(await readFile(this.fileOf(bucket, key), "utf8")) as ObjectMeta;
    } catch {
      return undefined;
    }
  }

  /** Written to a temporary name and renamed, so a reader sees the old description or the new, whole. */
  async write(bucket: string, key: string, meta: ObjectMeta): Promise<void> {
    const file = this.fileOf(bucket, key);
    const temp = `${file}.${randomUUID()}`;
    await mkdir(join(this.root, bucket), { recursive: true });
    await writeFile(temp, JSON.stringify(meta));
    await rename(temp, file);
  }

  async remove(bucket: string, key: string): Promise<void> {
    await rm(this.fileOf(bucket, key), { force: true });
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(join(this.root, bucket), { recursive: true, force: true });
  }
}

/** Whether a description still fits the file it was written for. */
export const describes = (meta: ObjectMeta | undefined, size: number, mtimeMs: number): meta is ObjectMeta =>
  meta !== undefined && meta.size === size && meta.mtimeMs === mtimeMs;
