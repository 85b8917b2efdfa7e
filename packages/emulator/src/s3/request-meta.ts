/** What a PutObject, CopyObject (REPLACE) or CreateMultipartUpload keeps of its headers to give back on GetObject. */
import type { IncomingHttpHeaders } from "node:http";
import { DEFAULT_CONTENT_TYPE } from "./object-store.js";

/** The headers S3 stores with an object and returns as they were sent (API reference, PutObject). */
const KEPT = ["cache-control", "content-disposition", "content-language", "expires"] as const;

export interface GivenMeta {
  contentType: string;
  meta: Record<string, string>;
  headers: Record<string, string>;
}

export function givenMeta(headers: IncomingHttpHeaders): GivenMeta {
  const meta: Record<string, string> = {};
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith("x-amz-meta-") && value !== undefined) meta[name.slice(11)] = String(value);
  }
  for (const name of KEPT) if (typeof headers[name] === "string") kept[name] = headers[name];
  // aws-chunked describes how this request's body came, not the object: S3 drops it.
  const encoding = String(headers["content-encoding"] ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "" && e !== "aws-chunked")
    .join(", ");
  if (encoding) kept["content-encoding"] = encoding;
  return { contentType: String(headers["content-type"] ?? DEFAULT_CONTENT_TYPE), meta, headers: kept };
}

/** The headers a GetObject or HeadObject gives back for what was kept. */
export function metaHeaders(given: Pick<GivenMeta, "meta" | "headers">): Record<string, string> {
  const out: Record<string, string> = { ...given.headers };
  for (const [name, value] of Object.entries(given.meta)) out[`x-amz-meta-${name}`] = value;
  return out;
}
