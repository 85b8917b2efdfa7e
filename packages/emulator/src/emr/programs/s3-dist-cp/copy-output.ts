/**
 * Writes one output file from its sources: concatenated, decompressed by their extension and compressed again for
 * --outputCodec gzip or none, byte for byte for keep (S3DistCp's default: "the files are copied over with no change
 * in their compression"; gzip members concatenated are one gzip file).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, stat } from "node:fs/promises";
import { dirname, extname } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Codec } from "./options.js";
import type { OutputFile } from "./plan.js";

/** Bigger than the stream default (64 KiB): fewer writes and awaits for the large files S3DistCp moves. */
const CHUNK = 1024 * 1024;

const ext = (path: string) => extname(path).slice(1).toLowerCase();

const NATIVE = ["lzo", "lzop", "snappy"];

/**
 * Whether the output can be written here, checked before anything is: files compressed differently cannot keep
 * their compression in one file, and lzo or snappy input cannot be read without Hadoop's native codecs.
 */
export function checkCodec(output: OutputFile, codec: Codec): void {
  const kinds = new Set(output.files.map((f) => (ext(f.uri) === "gzip" ? "gz" : ext(f.uri))));
  if (codec === "keep") {
    const compressed = [...kinds].filter((k) => ["gz", ...NATIVE].includes(k));
    if (compressed.length > 0 && kinds.size > 1) {
      const uris = output.files.map((f) => f.uri).join(", ");
      throw new Error(`cannot keep the compression of files compressed differently in one output (${uris})`);
    }
    return;
  }
  const native = output.files.find((f) => NATIVE.includes(ext(f.uri)));
  if (native) {
    throw new Error(
      `${native.uri}: ${ext(native.uri)}-compressed input needs Hadoop's native codecs to read, which this emulator does not have (--outputCodec keep copies it as it is)`,
    );
  }
}

/** Returns the bytes written; throws an Error that names the file it could not read or write. */
export async function copyOutput(output: OutputFile, codec: Codec): Promise<number> {
  await mkdir(dirname(output.path), { recursive: true });
  if (codec === "keep" && output.files.length === 1) {
    // One file as it is: the file system's own copy, a clone where it can make one.
    await copyFile(output.files[0]!.path, output.path);
    return output.files[0]!.size;
  }
  const out = createWriteStream(output.path);
  const sink = codec === "gzip" ? createGzip() : undefined;
  sink?.pipe(out);
  const target = sink ?? out;
  for (const file of output.files) {
    for await (const chunk of decoded(file.path, codec)) {
      if (!target.write(chunk)) await once(target, "drain");
    }
  }
  target.end();
  await finished(out);
  return (await stat(output.path)).size;
}

function decoded(path: string, codec: Codec): Readable {
  const raw = createReadStream(path, { highWaterMark: CHUNK });
  if (codec === "keep") return raw;
  const kind = ext(path);
  return kind === "gz" || kind === "gzip" ? raw.pipe(createGunzip()) : raw;
}
