/** Writing S3's answers: XML documents, empty answers with headers, and errors (no body for HEAD, as S3 does). */
import type { ServerResponse } from "node:http";
import type { S3Error } from "./s3-error.js";
import { element } from "./xml.js";

export type Headers = Record<string, string | number>;

export function sendXml(res: ServerResponse, status: number, xml: string, headers: Headers = {}): void {
  res.writeHead(status, { ...headers, "content-type": "application/xml", "content-length": Buffer.byteLength(xml) });
  res.end(xml);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  res.writeHead(status, { ...headers, "content-length": 0 });
  res.end();
}

export function sendS3Error(res: ServerResponse, error: S3Error, requestId: string, head: boolean): void {
  if (head) {
    sendEmpty(res, error.status, { "x-amz-error-code": error.code });
    return;
  }
  const extra = Object.entries(error.extra)
    .map(([name, value]) => element(name, value))
    .join("");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${element("Code", error.code)}${element("Message", error.message)}${extra}${element("RequestId", requestId)}${element("HostId", requestId)}</Error>`;
  sendXml(res, error.status, xml);
}

/** RFC 7231 dates (Last-Modified) and ISO 8601 with milliseconds (XML), as S3 writes them. */
export const httpDate = (ms: number) => new Date(ms).toUTCString();
export const isoDate = (ms: number) => new Date(Math.floor(ms)).toISOString();
export const quoted = (etag: string) => `"${etag}"`;
