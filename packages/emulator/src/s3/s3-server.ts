/**
 * The S3 REST API over the local S3 folder, on its own loopback port: path-style (`/bucket/key`) and
 * virtual-hosted (`bucket.localhost:port`, `bucket.<host>:port`) addressing, SigV4 when signatures are checked,
 * S3's XML errors with a RequestId. The operations are in operations/, one file per group.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { callerOf } from "../sigv4/caller.js";
import { SignatureRefused } from "../sigv4/signature-refused.js";
import type { ObjectStore } from "./object-store.js";
import { listBuckets } from "./operations/buckets.js";
import { bodyPlan } from "./request-body.js";
import { sendS3Error } from "./respond.js";
import { route } from "./routes.js";
import { S3Error } from "./s3-error.js";
import type { S3SignatureVerifier } from "./s3-signature.js";
import { s3SignatureError } from "./s3-signature-errors.js";
import type { UploadStore } from "./upload-store.js";

export interface S3Served {
  store: ObjectStore;
  uploads: UploadStore;
  /** Present when signatures are checked. */
  verifier?: S3SignatureVerifier;
  /** The host the endpoint listens on: `bucket.<host>` is virtual-hosted addressing too. */
  host: string;
}

/**
 * Request ids: 16 hex digits as S3's, a random half drawn once per server and a counter — not 8 random bytes per
 * request, a call into the system's random source each (profiled at 1% of a small put).
 */
function requestIds(): () => string {
  const prefix = randomBytes(4).toString("hex").toUpperCase();
  let n = 0;
  return () => {
    n = (n + 1) % 0x1_0000_0000;
    return prefix + n.toString(16).toUpperCase().padStart(8, "0");
  };
}

export function createS3Server(served: S3Served): Server {
  const nextId = requestIds();
  const server = createServer((req, res) => {
    const requestId = nextId();
    res.setHeader("x-amz-request-id", requestId);
    res.setHeader("x-amz-id-2", requestId);
    res.setHeader("server", "emrkit");
    handle(req, res, served, requestId).catch((error: unknown) => {
      const e =
        error instanceof S3Error
          ? error
          : error instanceof SignatureRefused
            ? s3SignatureError(error)
            : new S3Error("InternalError", `We encountered an internal error: ${(error as Error).message}`, 500);
      if (res.headersSent) return void res.destroy();
      // The rest of a body nobody will read is drained, so the connection can carry the next request.
      req.resume();
      sendS3Error(res, e, requestId, req.method === "HEAD");
    });
  });
  return server;
}

/** The bucket and key a request names, by its Host (virtual-hosted) or its path (path-style). */
export function addressOf(
  hostHeader: string | undefined,
  rawPath: string,
  ownHost: string,
): { bucket?: string; key?: string } {
  const hostname = String(hostHeader ?? "")
    .replace(/:\d+$/, "")
    .toLowerCase();
  const suffix = [".localhost", `.${ownHost.toLowerCase()}`].find(
    (s) => hostname.endsWith(s) && hostname.length > s.length,
  );
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      throw new S3Error("InvalidURI", "Couldn't parse the specified URI.", 400);
    }
  };
  if (suffix) {
    const key = rawPath.slice(1);
    return { bucket: hostname.slice(0, -suffix.length), ...(key === "" ? {} : { key: decode(key) }) };
  }
  const slash = rawPath.indexOf("/", 1);
  const bucket = decode(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
  const key = slash < 0 ? "" : rawPath.slice(slash + 1);
  return { ...(bucket === "" ? {} : { bucket }), ...(key === "" ? {} : { key: decode(key) }) };
}

async function handle(req: IncomingMessage, res: ServerResponse, served: S3Served, requestId: string): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  const rawQuery = q < 0 ? "" : url.slice(q + 1);
  const query = new URLSearchParams(rawQuery);
  const method = req.method ?? "GET";
  const signing = served.verifier?.verify({
    method,
    rawPath,
    rawQuery,
    headers: req.headers,
    headersDistinct: req.headersDistinct,
  });
  const credential = query.get("X-Amz-Credential");
  const region = callerOf(req.headers.authorization ?? (credential ? `Credential=${credential}` : undefined)).region;
  const { bucket, key } = addressOf(req.headers.host, rawPath, served.host);
  const body = bodyPlan(req, signing, served.verifier !== undefined);
  const base = { req, res, query, store: served.store, uploads: served.uploads, body, region, requestId };
  if (bucket === undefined) {
    if (method !== "GET")
      throw new S3Error("MethodNotAllowed", "The specified method is not allowed against this resource.", 405);
    return listBuckets(base);
  }
  await route(method, key !== undefined, query, req.headers)({ ...base, bucket, key });
}
