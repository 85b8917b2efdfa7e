/**
 * Presigned URLs of Signature Version 2 (`?AWSAccessKeyId=…&Expires=…&Signature=…`), which boto3 and the AWS CLI
 * still make by default for S3 (`generate_presigned_url`, `aws s3 presign`) unless told `s3v4`. After the S3
 * Developer Guide's "Signing and authenticating REST requests" (Query string request authentication alternative):
 * Signature = Base64(HMAC-SHA1(secret, "GET\n\n\n<Expires>\n<CanonicalizedResource>")), the resource being the
 * path as sent and the subresources of the query, sorted. Only query authentication: header-signed SigV2 is gone
 * from the SDKs.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { SignatureRefused } from "../sigv4/signature-refused.js";

/** The query parameters SigV2 signs as part of the resource (the guide's list). */
const SIGNED_SUBRESOURCES = [
  "acl",
  "delete",
  "lifecycle",
  "location",
  "logging",
  "notification",
  "partNumber",
  "policy",
  "requestPayment",
  "response-cache-control",
  "response-content-disposition",
  "response-content-encoding",
  "response-content-language",
  "response-content-type",
  "response-expires",
  "tagging",
  "torrent",
  "uploadId",
  "uploads",
  "versionId",
  "versioning",
  "versions",
  "website",
];

export interface V2Request {
  method: string;
  rawPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

/** Checks a SigV2 presigned URL; `secrets` maps the accepted access key ids to their secrets. */
export function verifyPresignedV2(req: V2Request, secrets: ReadonlyMap<string, string>, now: number): void {
  const key = req.query.get("AWSAccessKeyId") ?? "";
  const expires = req.query.get("Expires") ?? "";
  const signature = req.query.get("Signature") ?? "";
  const secret = secrets.get(key);
  if (!secret)
    throw new SignatureRefused("unknown-key", "The AWS Access Key Id you provided does not exist in our records.");
  if (!/^\d+$/.test(expires))
    throw new SignatureRefused("malformed", "Expires must be a number of seconds since the epoch.");
  if (now > Number(expires) * 1000) throw new SignatureRefused("url-expired", "Request has expired");
  const sub = SIGNED_SUBRESOURCES.filter((name) => req.query.has(name))
    .sort()
    .map((name) => (req.query.get(name) === "" ? name : `${name}=${req.query.get(name)}`));
  const resource = req.rawPath + (sub.length > 0 ? `?${sub.join("&")}` : "");
  const header = (name: string) => String(req.headers[name] ?? "");
  const amz = Object.keys(req.headers)
    .filter((n) => n.startsWith("x-amz-"))
    .sort()
    .map((n) => `${n}:${header(n).trim()}\n`)
    .join("");
  const text = `${req.method}\n${header("content-md5")}\n${header("content-type")}\n${expires}\n${amz}${resource}`;
  const computed = createHmac("sha1", secret).update(text).digest("base64");
  if (computed.length !== signature.length || !timingSafeEqual(Buffer.from(computed), Buffer.from(signature))) {
    throw new SignatureRefused(
      "mismatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    );
  }
}
