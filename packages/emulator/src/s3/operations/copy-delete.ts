/**
 * CopyObject, DeleteObject and DeleteObjects (S3 API reference). A copy is written whole to a temporary file and
 * renamed into place like a put; its metadata is the source's (x-amz-metadata-directive COPY, the default) or the
 * request's (REPLACE). Deleting a key that is not there succeeds, as in S3 (204).
 */
import { closeSync } from "node:fs";
import { rm } from "node:fs/promises";
import { copyRange, copySource } from "../copy-source.js";
import { receiveToBuffer } from "../request-body.js";
import { givenMeta } from "../request-meta.js";
import { isoDate, quoted, sendEmpty, sendXml } from "../respond.js";
import type { S3Context } from "../s3-context.js";
import { invalidRequest, malformedXml, S3Error } from "../s3-error.js";
import { blocks, document, element, leaf, requestXml } from "../xml.js";

/** DeleteObjects takes at most 1,000 keys (API reference, DeleteObjects). */
export const MAX_DELETE_KEYS = 1000;

export async function copyObject(ctx: S3Context): Promise<void> {
  const source = copySource(ctx.req.headers["x-amz-copy-source"]);
  const directive = String(ctx.req.headers["x-amz-metadata-directive"] ?? "COPY").toUpperCase();
  if (directive !== "COPY" && directive !== "REPLACE") {
    throw new S3Error("InvalidArgument", `Unknown metadata directive: ${directive}.`, 400);
  }
  if (source.bucket === ctx.bucket && source.key === ctx.key && directive === "COPY") {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  await ctx.store.pathOf(ctx.bucket, ctx.key!);
  ctx.req.resume();
  const { fd, meta } = await ctx.store.open(source.bucket, source.key);
  const temp = await ctx.store.tempPath();
  try {
    await copyRange(fd, temp, 0, meta.size - 1);
    const kept =
      directive === "COPY"
        ? { contentType: meta.contentType, meta: meta.meta, headers: meta.headers }
        : givenMeta(ctx.req.headers);
    const made = await ctx.store.commit(ctx.bucket, ctx.key!, temp, { etag: meta.etag, ...kept });
    sendXml(
      ctx.res,
      200,
      document("CopyObjectResult", element("LastModified", isoDate(made.mtimeMs)) + element("ETag", quoted(made.etag))),
    );
  } finally {
    closeSync(fd);
    await rm(temp, { force: true });
  }
}

export async function deleteObject(ctx: S3Context): Promise<void> {
  ctx.req.resume();
  await ctx.store.remove(ctx.bucket, ctx.key!);
  sendEmpty(ctx.res, 204);
}

/**
 * S3 API reference, DeleteObjects: "The Content-MD5 request header is required for all Multi-Object Delete
 * requests" (general purpose buckets), or, as it says for directory buckets and as S3 takes from the SDKs since
 * their default checksums of 2025, an additional checksum header (x-amz-checksum-crc32, -crc32c, -sha1, -sha256)
 * instead; a request with neither is refused as S3 refuses it (InvalidRequest, "Missing required header for this
 * request: Content-MD5", the answer SDK and CLI users have reported from S3).
 */
function requireBodyDigest(headers: S3Context["req"]["headers"]): void {
  const trailer = String(headers["x-amz-trailer"] ?? "").toLowerCase();
  const digested =
    headers["content-md5"] !== undefined ||
    trailer.startsWith("x-amz-checksum-") ||
    Object.keys(headers).some((name) => name.startsWith("x-amz-checksum-"));
  if (!digested) throw invalidRequest("Missing required header for this request: Content-MD5");
}

export async function deleteObjects(ctx: S3Context): Promise<void> {
  requireBodyDigest(ctx.req.headers);
  const xml = requestXml((await receiveToBuffer(ctx.req, ctx.body, 2 << 20)).body, "Delete");
  const quiet = leaf(xml, "Quiet") === "true";
  const keys = blocks(xml, "Object").map((o) => {
    const key = leaf(o, "Key");
    if (key === undefined) throw malformedXml();
    return key;
  });
  if (keys.length === 0 || keys.length > MAX_DELETE_KEYS) throw malformedXml();
  await ctx.store.requireBucket(ctx.bucket);
  let out = "";
  for (const key of keys) {
    try {
      await ctx.store.remove(ctx.bucket, key);
      if (!quiet) out += `<Deleted>${element("Key", key)}</Deleted>`;
    } catch (error) {
      const e = error instanceof S3Error ? error : new S3Error("InternalError", (error as Error).message, 500);
      out += `<Error>${element("Key", key)}${element("Code", e.code)}${element("Message", e.message)}</Error>`;
    }
  }
  sendXml(ctx.res, 200, document("DeleteResult", out));
}
