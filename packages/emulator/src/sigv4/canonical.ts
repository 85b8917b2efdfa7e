/**
 * The pieces of a SigV4 signature, after the IAM User Guide ("Create a signed AWS API request") and, for S3, the
 * S3 API reference ("Authenticating Requests: Using the Authorization Header", "…: Using Query Parameters",
 * "Signature Calculations for the Authorization Header: Transferring Payload in Multiple Chunks"). S3 signs its
 * path as sent (encoded once, never normalized), unlike the other services.
 */
import { createHash, createHmac } from "node:crypto";

export const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
export const EMPTY_SHA256 = sha256Hex("");

const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** Signing keys made so far: four HMACs each, the same all day for a key pair, region and service. */
const signingKeys = new Map<string, Buffer>();
/** A bound: the emulator's few key pairs, regions and services fit many times over. */
const MAX_SIGNING_KEYS = 1000;

/** The key a day's signatures for one region and service are made with (cached: SigV4 makes it once a day). */
export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const id = `${secret}\0${day}\0${region}\0${service}`;
  const known = signingKeys.get(id);
  if (known) return known;
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), "aws4_request");
  if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.clear();
  signingKeys.set(id, key);
  return key;
}

export const signHex = (key: Buffer, stringToSign: string) =>
  createHmac("sha256", key).update(stringToSign).digest("hex");

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept only where asked. */
export function uriEncode(text: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, "/") : encoded;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** S3's canonical URI: the path's parts decoded and encoded again, so any client's spelling gives the same. */
export function canonicalS3Path(rawPath: string): string {
  return rawPath
    .split("/")
    .map((part) => uriEncode(decode(part), false))
    .join("/");
}

/** The canonical query string: pairs encoded, sorted by name then value; `leave` (X-Amz-Signature) left out. */
export function canonicalQuery(rawQuery: string, leave?: string): string {
  if (rawQuery === "") return "";
  const pairs = rawQuery
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      const name = decode(eq < 0 ? p : p.slice(0, eq));
      return [uriEncode(name, false), uriEncode(decode(eq < 0 ? "" : p.slice(eq + 1)), false), name] as const;
    })
    .filter(([, , name]) => name !== leave);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join("&");
}

/** `name:value\n` for each signed header: values trimmed, inner runs of spaces made one. */
/**
 * A header's value as SigV4 signs it: the values of every line it was sent on, in order, joined with "," (IAM User
 * Guide, "Create a signed AWS API request", step 1: "combine them into a comma-separated list"). Node's
 * `req.headers` joins a repeated header with ", " (set-cookie: a list), so it is read from `req.headersDistinct`,
 * which keeps the lines apart. Own names only: a header named `__proto__` is absent unless it was sent.
 */
export function signedHeaderValue(distinct: NodeJS.Dict<string[]>, name: string): string | undefined {
  return Object.hasOwn(distinct, name) ? distinct[name]?.join(",") : undefined;
}

export function canonicalHeaders(names: readonly string[], headerValue: (name: string) => string | undefined): string {
  return names.map((n) => `${n}:${(headerValue(n) ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
}

export function stringToSign(amzDate: string, scope: string, canonicalRequest: string): string {
  return `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** X-Amz-Date (ISO 8601 basic, `20261125T101500Z`) as epoch ms; undefined when it is not one. */
export function parseAmzDate(text: string): number | undefined {
  const m = AMZ_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const time = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  return Number.isNaN(time) ? undefined : time;
}
