/**
 * Which operation a request is, read the way S3 reads it (S3 API reference, each operation's "Request Syntax"):
 * by method, whether it names a key, and its subresource query parameters. A subresource the emulator does not
 * have (?acl, ?tagging, ?versioning…) is NotImplemented, never mistaken for a plain GET or PUT of the object.
 */

import { createBucket, deleteBucket, getBucketLocation, headBucket } from "./operations/buckets.js";
import { copyObject, deleteObject, deleteObjects } from "./operations/copy-delete.js";
import { listObjects, listObjectsV2 } from "./operations/listing.js";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  uploadPartCopy,
} from "./operations/multipart.js";
import { getObject, headObject, putObject } from "./operations/objects.js";
import type { S3Operation } from "./s3-context.js";
import { S3Error } from "./s3-error.js";

/** S3's subresources (the query parameters that name another API than the object's or bucket's own). */
const SUBRESOURCES = [
  "accelerate",
  "acl",
  "analytics",
  "attributes",
  "cors",
  "encryption",
  "intelligent-tiering",
  "inventory",
  "legal-hold",
  "lifecycle",
  "logging",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "policy",
  "policyStatus",
  "publicAccessBlock",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "select",
  "tagging",
  "torrent",
  "versioning",
  "versions",
  "website",
];

export function route(
  method: string,
  hasKey: boolean,
  query: URLSearchParams,
  headers: Record<string, unknown>,
): S3Operation {
  const other = SUBRESOURCES.find((name) => query.has(name));
  const has = (name: string) => query.has(name);
  const copy = headers["x-amz-copy-source"] !== undefined;
  const op = other ? undefined : hasKey ? objectRoute(method, has, copy) : bucketRoute(method, has);
  if (!op) {
    const what = other ? `?${other}` : method;
    throw new S3Error(
      "NotImplemented",
      `A header or query you provided implies functionality that is not implemented: the local S3 endpoint has no ${what} ${hasKey ? "on objects" : "on buckets"}.`,
      501,
    );
  }
  return op;
}

function objectRoute(method: string, has: (n: string) => boolean, copy: boolean): S3Operation | undefined {
  switch (method) {
    case "GET":
      return has("uploadId") ? listParts : getObject;
    case "HEAD":
      return headObject;
    case "PUT":
      if (has("uploadId") || has("partNumber")) return copy ? uploadPartCopy : uploadPart;
      return copy ? copyObject : putObject;
    case "POST":
      if (has("uploads")) return createMultipartUpload;
      return has("uploadId") ? completeMultipartUpload : undefined;
    case "DELETE":
      return has("uploadId") ? abortMultipartUpload : deleteObject;
    default:
      return undefined;
  }
}

function bucketRoute(method: string, has: (n: string) => boolean): S3Operation | undefined {
  switch (method) {
    case "GET":
      if (has("location")) return getBucketLocation;
      if (has("uploads")) return listMultipartUploads;
      return has("list-type") ? listObjectsV2 : listObjects;
    case "HEAD":
      return headBucket;
    case "PUT":
      return createBucket;
    case "DELETE":
      return deleteBucket;
    case "POST":
      return has("delete") ? deleteObjects : undefined;
    default:
      return undefined;
  }
}
