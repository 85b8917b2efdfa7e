import { createReadStream, createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { invalidArgument } from "./s3-error.js";

/**
 * x-amz-copy-source as S3 takes it: `bucket/key` or `/bucket/key`, URL-encoded, maybe with `?versionId=` (the only
 * version here is the current one, so it is ignored).
 */
export function copySource(header: string | string[] | undefined): { bucket: string; key: string } {
  const raw = String(header ?? "").split("?")[0]!;
  const refuse = () =>
    invalidArgument(
      "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
      "x-amz-copy-source",
      raw,
    );
  let text: string;
  try {
    text = decodeURIComponent(raw.replace(/^\//, ""));
  } catch {
    throw refuse();
  }
  const slash = text.indexOf("/");
  if (slash < 1 || slash === text.length - 1) throw refuse();
  return { bucket: text.slice(0, slash), key: text.slice(slash + 1) };
}

/** Streams bytes `start` to `end` (inclusive) of an open object (its descriptor) into the file `dest`. */
export async function copyRange(fd: number, dest: string, start: number, end: number): Promise<void> {
  if (end < start) return writeFile(dest, "");
  await pipeline(createReadStream("", { fd, start, end, autoClose: false }), createWriteStream(dest));
}
