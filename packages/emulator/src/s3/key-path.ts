/**
 * Where an object lives: `<s3Root>/<bucket>/<key>`, the key's `/`-separated parts as folders and a file, so the
 * local S3 stays a plain folder anyone can open. What a file system cannot hold as such is refused with
 * InvalidArgument saying why, never stored elsewhere: an empty part (a leading `/`, `a//b`), `.` and `..` (also
 * when sent as `%2e%2e`, which arrives decoded), NUL, a part longer than a file name may be (255 bytes). A key
 * ending in `/` (a folder marker, as the S3 console and Hadoop's S3A make) is a folder. Whatever is given, the
 * path is checked to be inside the bucket's folder before it is used.
 */
import { isAbsolute, join, relative } from "node:path";
import { invalidArgument, S3Error } from "./s3-error.js";

/** S3's limit on a key: 1,024 bytes of UTF-8 (User Guide, "Naming Amazon S3 objects"). */
export const MAX_KEY_BYTES = 1024;
/** NAME_MAX of Linux file systems, and of macOS's APFS. */
export const MAX_PART_BYTES = 255;

export interface KeyPath {
  path: string;
  /** The key ends in `/`: a folder marker, stored as the folder itself. */
  folder: boolean;
}

/** The file (or folder, for a marker) of `key` in a bucket's folder; S3Error for a key that cannot be one. */
export function keyPath(bucketDir: string, key: string): KeyPath {
  if (key === "") throw invalidArgument("An object key must not be empty.", "key", key);
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new S3Error(
      "KeyTooLongError",
      `Your key is too long: ${Buffer.byteLength(key)} bytes, the limit is 1024.`,
      400,
    );
  }
  const refuse = (why: string) =>
    invalidArgument(`The key ${JSON.stringify(key)} cannot be stored in the local S3 folder: ${why}.`, "key", key);
  if (key.includes("\0")) throw refuse("it contains NUL, which no file name can");
  const folder = key.endsWith("/");
  const parts = (folder ? key.slice(0, -1) : key).split("/");
  for (const part of parts) {
    if (part === "") throw refuse("it has an empty part (a leading '/' or '//'), which a path cannot have");
    if (part === "." || part === "..") throw refuse(`it has a '${part}' part, which names another folder`);
    if (Buffer.byteLength(part) > MAX_PART_BYTES) {
      throw refuse(`a part is ${Buffer.byteLength(part)} bytes, longer than a file name may be (${MAX_PART_BYTES})`);
    }
  }
  const path = join(bucketDir, ...parts);
  const inside = relative(bucketDir, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) throw refuse("it resolves outside its bucket");
  return { path, folder };
}

/** The key a file under a bucket's folder stands for (the inverse of keyPath). */
export function keyOf(bucketDir: string, path: string, folder: boolean): string {
  return relative(bucketDir, path).split(/[\\/]/).join("/") + (folder ? "/" : "");
}

/**
 * A bucket name that can be a folder of the root: S3's rules for new buckets (User Guide, "General purpose bucket
 * naming rules": 3–63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a
 * letter or digit, no `..`, not an IP address).
 */
export const BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Buckets that already exist as folders are read under looser rules (a folder `My_Data` made by hand is a bucket):
 * one path part, not hidden (the emulator's own `.emrkit-tmp` is not a bucket).
 */
export function isReadableBucketName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(name);
}
