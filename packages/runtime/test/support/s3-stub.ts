import { createServer, type Server } from "node:http";
import { listenLocal } from "./listen-local.js";

/**
 * A small S3 on 127.0.0.1 for GetObject, path style, answering as S3 does: the object's bytes; `NoSuchKey` (404) for
 * a missing key; `NoSuchBucket` (404) for a bucket it does not have; `AccessDenied` (403) for every key of a bucket
 * in `denied`. Its endpoint stands for a local stack's (moto, LocalStack), where one endpoint serves EMR and S3.
 */
export async function startS3Stub(
  objects: Record<string, Uint8Array | string>,
  denied: readonly string[] = [],
): Promise<{ endpoint: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const buckets = new Set([...Object.keys(objects).map((path) => path.split("/")[0]), ...denied]);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").replace(/\?.*$/, "")).replace(/^\//, "");
    requests.push(`${request.method} ${path}`);
    const bucket = path.split("/")[0] ?? "";
    const body = objects[path];
    const error = (status: number, code: string, message: string) => {
      response.writeHead(status, { "content-type": "application/xml" });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
      );
    };
    if (denied.includes(bucket)) return error(403, "AccessDenied", "Access Denied");
    if (!buckets.has(bucket)) return error(404, "NoSuchBucket", "The specified bucket does not exist");
    if (body === undefined) return error(404, "NoSuchKey", "The specified key does not exist.");
    response.writeHead(200, { "content-type": "application/octet-stream" });
    response.end(body);
  });
  return { ...(await listenLocal(server)), requests };
}
