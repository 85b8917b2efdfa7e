/**
 * The local S3 folder as S3 sees it: buckets are the root's folders, objects their files (key-path.ts). Writes
 * land in a temporary file under `<s3Root>/.emrkit-tmp` (the same file system as the objects) and are renamed into
 * place once whole, so a reader sees the old object or the new one, never half of one; a reader holds an open
 * descriptor, so an object replaced while it is read is still read whole. Opening and stat-ing are synchronous
 * calls: a few microseconds each, against a wait in libuv's thread pool that a busy machine makes long.
 */
import { createHash, randomUUID } from "node:crypto";
import { closeSync, createReadStream, fstatSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { isReadableBucketName, type KeyPath, keyPath } from "./key-path.js";
import { KeyLister } from "./list-keys.js";
import { describes, type MetadataStore, type ObjectMeta } from "./metadata-store.js";
import { replaceFileSync } from "./replace-file.js";
import { invalidArgument, noSuchBucket, noSuchKey } from "./s3-error.js";

/** What a reader gets: an open file descriptor and its description. The caller closes `fd` (closeSync). */
export interface OpenObject {
  fd: number;
  meta: ObjectMeta;
}

/** S3 names this the content type of an object stored without one (API reference, PutObject). */
export const DEFAULT_CONTENT_TYPE = "binary/octet-stream";

export class ObjectStore {
  readonly tmpRoot: string;
  /** The keys of a bucket in S3's order, a listing page at a time. */
  readonly lister: KeyLister;

  constructor(
    readonly root: string,
    readonly metadata: MetadataStore,
  ) {
    this.tmpRoot = join(root, ".emrkit-tmp");
    this.lister = new KeyLister(metadata);
  }

  bucketDir(bucket: string): string {
    if (!isReadableBucketName(bucket)) throw noSuchBucket(bucket);
    return join(this.root, bucket);
  }

  /** The bucket's folder, or NoSuchBucket. */
  async requireBucket(bucket: string): Promise<string> {
    const dir = this.bucketDir(bucket);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw noSuchBucket(bucket);
    return dir;
  }

  async pathOf(bucket: string, key: string): Promise<KeyPath> {
    return keyPath(await this.requireBucket(bucket), key);
  }

  /** A fresh temporary file name, on the objects' file system (the folder is made when the endpoint starts). */
  async tempPath(): Promise<string> {
    return join(this.tmpRoot, randomUUID());
  }

  /** Opens an object to read, or NoSuchKey; its description is made afresh when the file changed by hand. */
  async open(bucket: string, key: string): Promise<OpenObject> {
    const { path, folder } = await this.pathOf(bucket, key);
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      throw noSuchKey(key);
    }
    try {
      const st = fstatSync(fd);
      const stored = await this.metadata.read(bucket, key);
      if (folder ? !st.isDirectory() || !stored : !st.isFile()) throw noSuchKey(key);
      if (describes(stored, st.size, st.mtimeMs) || folder) return { fd, meta: stored! };
      const meta: ObjectMeta = {
        etag: await md5Of(path),
        size: st.size,
        mtimeMs: st.mtimeMs,
        contentType: DEFAULT_CONTENT_TYPE,
        meta: {},
        headers: {},
      };
      // Remembered, so the next read of a file put there by hand does not hash it again; best effort.
      await this.metadata.write(bucket, key, meta).catch(() => undefined);
      return { fd, meta };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /**
   * Puts a whole temporary file in place as `key` (rename) with its description, in the order a full disk needs
   * (MetadataStore.placeDescribed). A key whose folder is an object (`a` exists, `a/b` is put) or that is itself a
   * folder of other objects cannot be a file: InvalidArgument.
   */
  async commit(
    bucket: string,
    key: string,
    temp: string,
    meta: Omit<ObjectMeta, "size" | "mtimeMs">,
    at?: KeyPath,
  ): Promise<ObjectMeta> {
    const { path, folder } = at ?? (await this.pathOf(bucket, key));
    try {
      const st = statSync(temp);
      if (folder) {
        if (st.size > 0) {
          throw invalidArgument(
            `The key ${JSON.stringify(key)} ends in '/', a folder in the local S3 folder: such an object must be empty, this one has ${st.size} bytes.`,
            "key",
            key,
          );
        }
        // The folder is the object: described first like any new key, so a full disk leaves no folder behind.
        const made = { ...meta, size: 0, mtimeMs: Date.now() };
        this.metadata.placeDescribed(bucket, key, made, () => mkdirSync(path, { recursive: true }));
        rmSync(temp, { force: true });
        return made;
      }
      const stored = { ...meta, size: st.size, mtimeMs: st.mtimeMs };
      this.metadata.placeDescribed(bucket, key, stored, () => this.putInPlace(key, temp, path));
      return stored;
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** Renamed over the key's file, its folders made only when they are missing: one call for the usual put. */
  private putInPlace(key: string, temp: string, path: string): void {
    try {
      replaceFileSync(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT")
        throw conflict(key, error as NodeJS.ErrnoException, code === "ENOTDIR" ? UNDER_OBJECT : FOLDER_OF_OBJECTS);
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (e) {
        throw conflict(key, e as NodeJS.ErrnoException, UNDER_OBJECT);
      }
      try {
        replaceFileSync(temp, path);
      } catch (e) {
        throw conflict(key, e as NodeJS.ErrnoException, FOLDER_OF_OBJECTS);
      }
    }
  }

  /** Removes an object (S3 answers a delete of a missing key the same as of one it removed), and folders left empty. */
  async remove(bucket: string, key: string): Promise<void> {
    const dir = await this.requireBucket(bucket);
    const { path, folder } = keyPath(dir, key);
    await this.metadata.remove(bucket, key);
    const gone = folder
      ? await rmdir(path).then(
          () => true,
          () => false,
        )
      : await rm(path).then(
          () => true,
          () => false,
        );
    if (gone) await this.prune(bucket, dir, dirname(path));
  }

  /** Removes empty folders from `from` up to the bucket's, stopping at one that holds something or is a marker. */
  private async prune(bucket: string, bucketDir: string, from: string): Promise<void> {
    for (let dir = from; dir.startsWith(`${bucketDir}/`); dir = dirname(dir)) {
      const key = `${dir.slice(bucketDir.length + 1)}/`;
      if (await this.metadata.read(bucket, key)) return;
      if (
        !(await rmdir(dir).then(
          () => true,
          () => false,
        ))
      )
        return;
    }
  }
}

const UNDER_OBJECT = "a part of its path is an object (a file), which cannot also be a folder";
const FOLDER_OF_OBJECTS = "it is the folder of other objects (keys under it), which a file cannot also be";

function conflict(key: string, error: NodeJS.ErrnoException, why: string): Error {
  if (!["ENOTDIR", "EEXIST", "EISDIR", "ENOTEMPTY"].includes(error.code ?? "")) return error;
  return invalidArgument(`The key ${JSON.stringify(key)} cannot be stored in the local S3 folder: ${why}.`, "key", key);
}

async function md5Of(path: string): Promise<string> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
