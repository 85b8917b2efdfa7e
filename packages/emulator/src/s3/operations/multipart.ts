/**
 * Multipart upload (S3 API reference): CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts, ListMultipartUploads. Parts are numbered 1–10,000 and all but the last must be
 * at least 5 MiB (User Guide, "Amazon S3 multipart upload limits"); the object's ETag is the MD5 of the parts' MD5s
 * and `-<parts>`, as S3 makes it. Completing joins the parts into a temporary file renamed into place.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { copyRange, copySource } from "../copy-source.js";
import { receiveToBuffer, receiveToFile } from "../request-body.js";
import { givenMeta } from "../request-meta.js";
import { isoDate, quoted, sendEmpty, sendXml } from "../respond.js";
import type { S3Context } from "../s3-context.js";
import { invalidArgument, malformedXml, S3Error } from "../s3-error.js";
import { blocks, document, element, leaf, requestXml } from "../xml.js";
import { parseRange } from "./objects.js";

export const MAX_PARTS = 10_000;
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export async function createMultipartUpload(ctx: S3Context): Promise<void> {
  await ctx.store.pathOf(ctx.bucket, ctx.key!);
  ctx.req.resume();
  const uploadId = await ctx.uploads.create({
    bucket: ctx.bucket,
    key: ctx.key!,
    initiated: Date.now(),
    ...givenMeta(ctx.req.headers),
  });
  sendXml(
    ctx.res,
    200,
    document(
      "InitiateMultipartUploadResult",
      element("Bucket", ctx.bucket) + element("Key", ctx.key) + element("UploadId", uploadId),
    ),
  );
}

function partNumberOf(ctx: S3Context): number {
  const text = ctx.query.get("partNumber") ?? "";
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PARTS) {
    throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`, "partNumber", text);
  }
  return n;
}

export async function uploadPart(ctx: S3Context): Promise<void> {
  const uploadId = ctx.query.get("uploadId")!;
  const partNumber = partNumberOf(ctx);
  await ctx.uploads.get(uploadId, ctx.bucket, ctx.key!);
  const temp = await ctx.store.tempPath();
  try {
    const { md5, size } = await receiveToFile(ctx.req, ctx.body, temp);
    const etag = md5.toString("hex");
    await ctx.uploads.putPart(uploadId, { partNumber, etag, size, lastModified: Date.now() }, temp);
    sendEmpty(ctx.res, 200, { etag: quoted(etag) });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function uploadPartCopy(ctx: S3Context): Promise<void> {
  const uploadId = ctx.query.get("uploadId")!;
  const partNumber = partNumberOf(ctx);
  await ctx.uploads.get(uploadId, ctx.bucket, ctx.key!);
  ctx.req.resume();
  const source = copySource(ctx.req.headers["x-amz-copy-source"]);
  const { fd, meta } = await ctx.store.open(source.bucket, source.key);
  const temp = await ctx.store.tempPath();
  try {
    const rangeHeader = ctx.req.headers["x-amz-copy-source-range"];
    const range = rangeHeader === undefined ? [0, meta.size - 1] : parseRange(String(rangeHeader), meta.size);
    if (!Array.isArray(range)) {
      throw invalidArgument(
        "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy",
        "x-amz-copy-source-range",
        String(rangeHeader),
      );
    }
    await copyRange(fd, temp, range[0]!, range[1]!);
    const hash = createHash("md5");
    for await (const chunk of createReadStream(temp)) hash.update(chunk as Buffer);
    const etag = hash.digest("hex");
    const lastModified = Date.now();
    await ctx.uploads.putPart(uploadId, { partNumber, etag, size: range[1]! - range[0]! + 1, lastModified }, temp);
    sendXml(
      ctx.res,
      200,
      document("CopyPartResult", element("LastModified", isoDate(lastModified)) + element("ETag", quoted(etag))),
    );
  } finally {
    closeSync(fd);
    await rm(temp, { force: true });
  }
}

export async function completeMultipartUpload(ctx: S3Context): Promise<void> {
  const uploadId = ctx.query.get("uploadId")!;
  const info = await ctx.uploads.get(uploadId, ctx.bucket, ctx.key!);
  const xml = requestXml((await receiveToBuffer(ctx.req, ctx.body, 4 << 20)).body, "CompleteMultipartUpload");
  const asked = blocks(xml, "Part").map((p) => {
    const n = Number(leaf(p, "PartNumber"));
    const etag = (leaf(p, "ETag") ?? "").replace(/^"|"$/g, "");
    if (!Number.isInteger(n)) throw malformedXml();
    return { n, etag };
  });
  if (asked.length === 0) throw malformedXml();
  const stored = new Map((await ctx.uploads.parts(uploadId)).map((p) => [p.partNumber, p]));
  const md5s: Buffer[] = [];
  asked.forEach(({ n, etag }, i) => {
    if (i > 0 && n <= asked[i - 1]!.n) {
      throw new S3Error(
        "InvalidPartOrder",
        "The list of parts was not in ascending order. Parts must be ordered by part number.",
        400,
        { UploadId: uploadId },
      );
    }
    const part = stored.get(n);
    if (!part || part.etag !== etag) {
      throw new S3Error(
        "InvalidPart",
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
        { UploadId: uploadId, PartNumber: String(n), ETag: etag },
      );
    }
    if (i < asked.length - 1 && part.size < MIN_PART_BYTES) {
      throw new S3Error(
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed object size.",
        400,
        { ProposedSize: String(part.size), MinSizeAllowed: String(MIN_PART_BYTES), PartNumber: String(n), ETag: etag },
      );
    }
    md5s.push(Buffer.from(part.etag, "hex"));
  });
  const temp = await ctx.store.tempPath();
  try {
    const out = createWriteStream(temp);
    await pipeline(async function* () {
      for (const { n } of asked) yield* createReadStream(ctx.uploads.partPath(uploadId, n), { highWaterMark: 1 << 20 });
    }, out);
    const etag = `${createHash("md5").update(Buffer.concat(md5s)).digest("hex")}-${md5s.length}`;
    await ctx.store.commit(ctx.bucket, ctx.key!, temp, {
      etag,
      contentType: info.contentType,
      meta: info.meta,
      headers: info.headers,
    });
    await ctx.uploads.remove(uploadId);
    sendXml(
      ctx.res,
      200,
      document(
        "CompleteMultipartUploadResult",
        element("Location", `/${ctx.bucket}/${ctx.key}`) +
          element("Bucket", ctx.bucket) +
          element("Key", ctx.key) +
          element("ETag", quoted(etag)),
      ),
    );
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function abortMultipartUpload(ctx: S3Context): Promise<void> {
  const uploadId = ctx.query.get("uploadId")!;
  ctx.req.resume();
  await ctx.uploads.get(uploadId, ctx.bucket, ctx.key!);
  await ctx.uploads.remove(uploadId);
  sendEmpty(ctx.res, 204);
}

export async function listParts(ctx: S3Context): Promise<void> {
  const uploadId = ctx.query.get("uploadId")!;
  await ctx.uploads.get(uploadId, ctx.bucket, ctx.key!);
  const marker = Number(ctx.query.get("part-number-marker") ?? 0);
  const max = Math.min(Number(ctx.query.get("max-parts") ?? 1000), 1000);
  const all = (await ctx.uploads.parts(uploadId)).filter((p) => p.partNumber > marker);
  const page = all.slice(0, max);
  const truncated = all.length > page.length;
  const parts = page.map(
    (p) =>
      `<Part>${element("PartNumber", p.partNumber)}${element("LastModified", isoDate(p.lastModified))}${element("ETag", quoted(p.etag))}${element("Size", p.size)}</Part>`,
  );
  sendXml(
    ctx.res,
    200,
    document(
      "ListPartsResult",
      element("Bucket", ctx.bucket) +
        element("Key", ctx.key) +
        element("UploadId", uploadId) +
        element("PartNumberMarker", marker) +
        element("NextPartNumberMarker", page.at(-1)?.partNumber ?? marker) +
        element("MaxParts", max) +
        element("IsTruncated", truncated) +
        element("StorageClass", "STANDARD") +
        parts.join(""),
    ),
  );
}

export async function listMultipartUploads(ctx: S3Context): Promise<void> {
  await ctx.store.requireBucket(ctx.bucket);
  const uploads = (await ctx.uploads.list(ctx.bucket)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const items = uploads.map(
    (u) =>
      `<Upload>${element("Key", u.key)}${element("UploadId", u.uploadId)}${element("Initiated", isoDate(u.initiated))}${element("StorageClass", "STANDARD")}</Upload>`,
  );
  sendXml(
    ctx.res,
    200,
    document(
      "ListMultipartUploadsResult",
      element("Bucket", ctx.bucket) + element("MaxUploads", 1000) + element("IsTruncated", false) + items.join(""),
    ),
  );
}
