import type { EMRClient } from "@aws-sdk/client-emr";
import { importClientS3 } from "./import-client-s3.js";
import { s3ClientFor } from "./s3-client-for.js";

/** `s3://bucket/key` (or `s3n://`, `s3a://`, which the DSL's LogUri rule takes too) as bucket and key; undefined for anything else. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3[na]?:\/\/([^/]+)\/(.+)$/.exec(uri);
  return match === null ? undefined : { bucket: match[1] ?? "", key: match[2] ?? "" };
}

/** One S3 object's bytes, read with GetObject through the run's S3 client; the SDK's error as it is when it fails. */
export async function s3Get(client: EMRClient, uri: string): Promise<Uint8Array> {
  const location = parseS3Uri(uri);
  if (location === undefined) throw new Error(`${uri} is not an s3://bucket/key location`);
  const [s3, { GetObjectCommand }] = await Promise.all([s3ClientFor(client), importClientS3()]);
  const object = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
  if (object.Body === undefined) return new Uint8Array();
  return object.Body.transformToByteArray();
}

/**
 * Whether an S3 or file error means only "not there (yet)": worth another candidate, or waiting for the upload. By
 * name, not by 404: NoSuchBucket is a 404 too, and no upload will cure it.
 */
export function isMissing(error: unknown): boolean {
  const e = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.code === "ENOENT";
}
