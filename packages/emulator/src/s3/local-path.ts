import { isAbsolute, relative, resolve } from "node:path";

/**
 * Where `s3://bucket/key` lives on this machine: `<s3Root>/bucket/key`. Refuses anything that would land outside
 * the root (`..` segments, absolute keys), so a step cannot reach the rest of the disk through its S3 paths.
 */
export function s3ToLocal(s3Root: string, uri: string): string {
  const match = /^s3n?:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) throw new Error(`${uri} is not an s3://bucket/key location`);
  const root = resolve(s3Root);
  const path = resolve(root, match[1]!, match[2]!);
  const inside = relative(root, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(`${uri} resolves outside the local S3 root`);
  }
  return path;
}
