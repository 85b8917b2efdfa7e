/**
 * ListObjectsV2 and ListObjects (v1) (S3 API reference): prefix, delimiter (keys rolled up into CommonPrefixes,
 * each counting once against max-keys), max-keys (default and most 1,000), start-after or marker, and
 * continuation tokens (opaque to clients: here the last key or prefix given, base64url). `encoding-type=url`, which
 * the AWS CLI always asks for, URL-encodes the keys and prefixes of the answer.
 */
import { closeSync } from "node:fs";
import { stat } from "node:fs/promises";
import { uriEncode } from "../../sigv4/canonical.js";
import type { Cursor } from "../list-keys.js";
import { describes } from "../metadata-store.js";
import { isoDate, quoted, sendXml } from "../respond.js";
import type { S3Context } from "../s3-context.js";
import { invalidArgument } from "../s3-error.js";
import { document, element } from "../xml.js";

export const MAX_KEYS = 1000;

interface Page {
  contents: string;
  prefixes: string[];
  count: number;
  truncated: boolean;
  last: string | undefined;
}

export async function listObjectsV2(ctx: S3Context): Promise<void> {
  const q = ctx.query;
  const token = q.get("continuation-token");
  let from = q.get("start-after") ?? "";
  if (token !== null) {
    from = Buffer.from(token, "base64url").toString("utf8");
    if (token === "" || Buffer.from(from).toString("base64url") !== token) {
      throw invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
  }
  const { max, prefix, delimiter, enc, page } = await list(ctx, from);
  const xml = document(
    "ListBucketResult",
    element("Name", ctx.bucket) +
      element("Prefix", enc(prefix)) +
      element("Delimiter", delimiter && enc(delimiter)) +
      element("MaxKeys", max) +
      element("KeyCount", page.count) +
      element("IsTruncated", page.truncated) +
      element("ContinuationToken", token ?? undefined) +
      element("NextContinuationToken", page.truncated ? Buffer.from(page.last!).toString("base64url") : undefined) +
      element("StartAfter", q.has("start-after") ? enc(q.get("start-after")!) : undefined) +
      element("EncodingType", q.get("encoding-type") ?? undefined) +
      page.contents +
      page.prefixes.map((p) => `<CommonPrefixes>${element("Prefix", enc(p))}</CommonPrefixes>`).join(""),
  );
  sendXml(ctx.res, 200, xml);
}

export async function listObjects(ctx: S3Context): Promise<void> {
  const marker = ctx.query.get("marker") ?? "";
  const { max, prefix, delimiter, enc, page } = await list(ctx, marker);
  const xml = document(
    "ListBucketResult",
    element("Name", ctx.bucket) +
      element("Prefix", enc(prefix)) +
      element("Marker", enc(marker)) +
      // S3 gives NextMarker only with a delimiter; without, the client goes on from the last key.
      element("NextMarker", page.truncated && delimiter ? enc(page.last!) : undefined) +
      element("MaxKeys", max) +
      element("Delimiter", delimiter && enc(delimiter)) +
      element("IsTruncated", page.truncated) +
      element("EncodingType", ctx.query.get("encoding-type") ?? undefined) +
      page.contents +
      page.prefixes.map((p) => `<CommonPrefixes>${element("Prefix", enc(p))}</CommonPrefixes>`).join(""),
  );
  sendXml(ctx.res, 200, xml);
}

async function list(ctx: S3Context, from: string) {
  const q = ctx.query;
  const maxText = q.get("max-keys");
  const max = maxText === null ? MAX_KEYS : Number(maxText);
  if (!/^\d+$/.test(maxText ?? "0"))
    throw invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", maxText!);
  const encoding = q.get("encoding-type");
  if (encoding !== null && encoding !== "url")
    throw invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encoding);
  const enc = (s: string) => (encoding === "url" ? uriEncode(s, true) : s);
  const prefix = q.get("prefix") ?? "";
  const delimiter = q.get("delimiter") || undefined;
  const dir = await ctx.store.requireBucket(ctx.bucket);
  const page: Page = { contents: "", prefixes: [], count: 0, truncated: false, last: undefined };
  const limit = Math.min(max, MAX_KEYS);
  const cursor: Cursor = { after: from };
  for await (const entry of ctx.store.lister.keys(ctx.bucket, dir, prefix, cursor)) {
    let common: string | undefined;
    if (delimiter) {
      const at = entry.key.indexOf(delimiter, prefix.length);
      if (at >= 0) common = entry.key.slice(0, at + delimiter.length);
    }
    if (common !== undefined && (common === page.last || common === from)) {
      cursor.skip = common;
      continue;
    }
    if (page.count >= limit) {
      page.truncated = limit > 0;
      break;
    }
    page.count++;
    page.last = common ?? entry.key;
    if (common !== undefined) {
      page.prefixes.push(common);
      // The rest of the keys under it are rolled up in it: the walk passes them by, their folders unread.
      cursor.skip = common;
      continue;
    }
    const st = await stat(entry.path).catch(() => undefined);
    if (!st) {
      page.count--;
      continue;
    }
    const stored = await ctx.store.metadata.read(ctx.bucket, entry.key);
    const etag = entry.folder || describes(stored, st.size, st.mtimeMs) ? stored!.etag : await etagOf(ctx, entry.key);
    page.contents += `<Contents>${element("Key", enc(entry.key))}${element("LastModified", isoDate(entry.folder ? stored!.mtimeMs : st.mtimeMs))}${element("ETag", quoted(etag))}${element("Size", entry.folder ? 0 : st.size)}${element("StorageClass", "STANDARD")}</Contents>`;
  }
  return { max, prefix, delimiter, enc, page };
}

/** A file put there by hand: described now (store.open hashes and remembers it). */
async function etagOf(ctx: S3Context, key: string): Promise<string> {
  const { fd, meta } = await ctx.store.open(ctx.bucket, key);
  closeSync(fd);
  return meta.etag;
}
