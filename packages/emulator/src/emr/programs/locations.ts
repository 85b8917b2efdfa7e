/**
 * Where the locations a step names are on this machine. EMR's file systems, on one node: `s3://` (and `s3n://`,
 * `s3a://`) under the local S3 root; `hdfs:///path`, and a path without a scheme (fs.defaultFS is HDFS on EMR), under
 * the cluster's HDFS folder; `file:///path` on the local disk, as on the primary node. Keys never escape the root.
 */
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { s3ToLocal } from "../../s3/local-path.js";

export interface Roots {
  s3Root: string;
  hdfsRoot: string;
  /** What a relative `file:` path is relative to: the step's working directory. */
  workDir: string;
}

export type Scheme = "s3" | "hdfs" | "file";

export interface LocalLocation {
  scheme: Scheme;
  path: string;
}

const S3 = /^s3[an]?:\/\/([^/]+)(?:\/(.*))?$/;

/** Throws an Error saying what is wrong with the location. */
export function localLocation(roots: Roots, location: string): LocalLocation {
  const s3 = S3.exec(location);
  if (s3) {
    const [, bucket, key = ""] = s3;
    // s3ToLocal wants a key; a bucket or a "folder" is the folder of a key in it.
    const path = key.replace(/\/+$/, "") === "" ? dirname(s3ToLocal(roots.s3Root, `s3://${bucket}/_`)) : undefined;
    return { scheme: "s3", path: path ?? s3ToLocal(roots.s3Root, `s3://${bucket}/${key.replace(/\/+$/, "")}`) };
  }
  if (/^s3[an]?:/.test(location)) throw new Error(`${location} is not an s3://bucket/key location`);
  const hdfs = /^hdfs:\/\/[^/]*(\/.*)?$/.exec(location);
  if (hdfs) return { scheme: "hdfs", path: inside(roots.hdfsRoot, hdfs[1] ?? "/", location) };
  if (location.startsWith("file:")) {
    const path = location.replace(/^file:(\/\/(?=\/))?/, "");
    return { scheme: "file", path: resolve(roots.workDir, path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new Error(`${location}: only s3://, hdfs:// and file:// locations exist on this machine`);
  }
  // A relative HDFS path is relative to the user's home there, /user/hadoop on EMR.
  const path = location.startsWith("/") ? location : `/user/hadoop/${location}`;
  return { scheme: "hdfs", path: inside(roots.hdfsRoot, path, location) };
}

/**
 * The location a step names for a path on this machine, the reverse of localLocation: `s3://bucket/key` under the
 * local S3 root, `hdfs:///path` under the cluster's HDFS, the path itself elsewhere (file:). For messages: a user
 * who wrote s3://out/x should read s3://out/x, not where the emulator keeps it.
 */
export function locationOf(roots: Roots, path: string): string {
  for (const [root, scheme] of [
    [roots.s3Root, "s3://"],
    [roots.hdfsRoot, "hdfs:///"],
  ] as const) {
    const rel = relative(resolve(root), resolve(path));
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return `${scheme}${rel.split(sep).join("/")}`;
  }
  return path;
}

function inside(root: string, path: string, location: string): string {
  const full = resolve(root, `.${path}`);
  const rel = relative(resolve(root), full);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error(`${location} resolves outside the cluster's HDFS`);
  return full;
}

/** The HDFS folder of one cluster: what it writes to hdfs:/// stays its own, as on EMR. */
export const hdfsRootOf = (hdfsRoots: string, clusterId: string) => join(hdfsRoots, clusterId);
