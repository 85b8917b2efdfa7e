/**
 * PutObject, GetObject and HeadObject (S3 API reference). A put streams into a temporary file and is renamed into
 * place once whole and checked; a get streams from an open descriptor, whole or one range (`bytes=a-b`, `a-`,
 * `-n`; several ranges are answered whole, as S3 does), after the conditional headers of RFC 7232 in S3's order.
 */

import { closeSync, readSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { ObjectMeta } from "../metadata-store.js";
import { declaredSize, receiveToBuffer, receiveToFile } from "../request-body.js";
import { givenMeta, metaHeaders } from "../request-meta.js";
import { httpDate, quoted, sendEmpty } from "../respond.js";
import type { S3Context } from "../s3-context.js";
import { S3Error } from "../s3-error.js";
import { sendRange } from "../send-range.js";

export async function putObject(ctx: S3Context): Promise<void> {
  const { store, bucket } = ctx;
  const key = ctx.key!;
  const at = await store.pathOf(bucket, key);
  const temp = await store.tempPath();
  try {
    const size = declaredSize(ctx.req, ctx.body);
    let md5: Buffer;
    if (size !== undefined && size < SMALL) {
      // Small: received whole in memory, then written in one synchronous call.
      const whole = await receiveToBuffer(ctx.req, ctx.body, SMALL);
      writeFileSync(temp, whole.body);
      md5 = whole.md5;
    } else md5 = (await receiveToFile(ctx.req, ctx.body, temp)).md5;
    const meta = await store.commit(
      bucket,
      key,
      temp,
      { etag: md5.toString("hex"), ...givenMeta(ctx.req.headers) },
      at,
    );
    sendEmpty(ctx.res, 200, { etag: quoted(meta.etag) });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export const getObject = (ctx: S3Context) => readObject(ctx, false);
export const headObject = (ctx: S3Context) => readObject(ctx, true);

/** GetObject's response-* query parameters, which override what the object was stored with (for presigned URLs). */
const OVERRIDES = [
  "content-type",
  "content-language",
  "expires",
  "cache-control",
  "content-disposition",
  "content-encoding",
];

async function readObject(ctx: S3Context, head: boolean): Promise<void> {
  const { fd, meta } = await ctx.store.open(ctx.bucket, ctx.key!);
  let streaming = false;
  try {
    const headers: Record<string, string | number> = {
      etag: quoted(meta.etag),
      "last-modified": httpDate(meta.mtimeMs),
      "accept-ranges": "bytes",
      "content-type": meta.contentType,
      ...metaHeaders(meta),
    };
    for (const name of OVERRIDES) {
      const value = ctx.query.get(`response-${name}`);
      if (value !== null) headers[name] = value;
    }
    const status = preconditions(ctx.req.headers, meta);
    if (status !== undefined) {
      if (status === 412)
        throw new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412, {
          Condition: "If-Match",
        });
      return sendEmpty(ctx.res, 304, { etag: headers.etag!, "last-modified": headers["last-modified"]! });
    }
    const range = parseRange(ctx.req.headers.range, meta.size);
    if (range === "unsatisfiable") {
      throw new S3Error("InvalidRange", "The requested range is not satisfiable", 416, {
        RangeRequested: String(ctx.req.headers.range),
        ActualObjectSize: String(meta.size),
      });
    }
    const [start, end] = range ?? [0, meta.size - 1];
    headers["content-length"] = end - start + 1;
    if (range) headers["content-range"] = `bytes ${start}-${end}/${meta.size}`;
    ctx.res.writeHead(range ? 206 : 200, headers);
    if (head || end < start) return void ctx.res.end();
    if (end - start < SMALL) {
      // A small object in one synchronous read: no trip through the thread pool.
      const buffer = Buffer.allocUnsafe(end - start + 1);
      const got = readSync(fd, buffer, 0, buffer.length, start);
      return void ctx.res.end(buffer.subarray(0, got));
    }
    streaming = true;
    sendRange(fd, start, end, ctx.res);
  } finally {
    if (!streaming) closeSync(fd);
  }
}

/** Objects up to this size are read in one synchronous call. */
const SMALL = 1 << 20;

/** 412, 304 or go on (undefined), by If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since. */
function preconditions(headers: S3Context["req"]["headers"], meta: ObjectMeta): 412 | 304 | undefined {
  const etag = quoted(meta.etag);
  const seconds = Math.floor(meta.mtimeMs / 1000) * 1000;
  const matches = (list: string) =>
    list.split(",").some((t) => t.trim() === "*" || t.trim() === etag || t.trim() === meta.etag);
  const ifMatch = headers["if-match"];
  if (ifMatch !== undefined && !matches(ifMatch)) return 412;
  const unmodified = Date.parse(String(headers["if-unmodified-since"] ?? ""));
  if (ifMatch === undefined && !Number.isNaN(unmodified) && seconds > unmodified) return 412;
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined && matches(ifNoneMatch)) return 304;
  const modified = Date.parse(String(headers["if-modified-since"] ?? ""));
  if (ifNoneMatch === undefined && !Number.isNaN(modified) && seconds <= modified) return 304;
  return undefined;
}

/** A Range header as S3 reads it: one byte range; anything else is ignored (the whole object). */
export function parseRange(header: string | undefined, size: number): [number, number] | "unsatisfiable" | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const last = Number(m[2]);
    if (last === 0 || size === 0) return "unsatisfiable";
    return [Math.max(0, size - last), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return undefined;
  if (start >= size) return "unsatisfiable";
  return [start, end];
}
