import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { EMRClient } from "@aws-sdk/client-emr";
import { isMissing, s3Get } from "./s3-get.js";
import { sleep } from "./sleep.js";

/** A failed step's stderr as read, or why it could not be read. */
export type FailureLog = { path: string; text: string } | { error: string };

/**
 * Reads a failed step's stderr: `LogFile` (or the step's log prefix) as a local path, a file: URL or an s3:// URI,
 * naming the stderr file itself, a sibling log file, or the step's log directory; `.gz` is unpacked. Waits up to
 * `waitMs` for the file to appear (EMR uploads step logs to S3 every few minutes). Undefined when there is nowhere to
 * look; otherwise the text, or the reason it could not be had: the first error other than "not there" (no such
 * bucket, a corrupt .gz…: at once; access denied: once the wait is over), else which files were not there.
 */
export async function readFailureLog(
  location: string | undefined,
  waitMs: number,
  client: EMRClient,
): Promise<FailureLog | undefined> {
  if (location === undefined || location === "") return undefined;
  const s3 = /^s3n?:\/\//.test(location);
  const local = s3 ? undefined : localPath(location);
  if (!s3 && local === undefined) return { error: `cannot read ${location}: neither an s3:// URI nor a local path` };
  const deadline = Date.now() + waitMs;
  for (;;) {
    const paths = s3 ? siblings(location, location.endsWith("/")) : await localCandidates(local ?? "");
    let refused: string | undefined; // the first error other than "not there"
    let final = false; // an error that waiting cannot cure
    for (const path of paths) {
      try {
        const bytes = s3 ? await s3Get(client, path) : await readFile(path);
        const text = (path.endsWith(".gz") ? gunzipSync(bytes) : Buffer.from(bytes)).toString("utf8");
        return { path, text };
      } catch (error) {
        if (isMissing(error)) continue;
        refused ??= `${describe(error)} reading ${path}`;
        final ||= !isDenied(error);
      }
    }
    if (final) return { error: refused ?? "" };
    if (Date.now() >= deadline) {
      const waited = waitMs > 0 ? ` (waited ${waitMs} ms for the upload)` : "";
      return { error: refused ?? `not found: ${paths.join(", ")}${waited}` };
    }
    await sleep(Math.min(1000, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Access denied. S3 answers 403 for a key that does not exist when the reader may not list the bucket (S3 API
 * reference, GetObject), so it may only mean "not uploaded yet": the other file is still tried, and the wait goes on.
 */
function isDenied(error: unknown): boolean {
  const e = (typeof error === "object" && error !== null ? error : {}) as { $metadata?: { httpStatusCode?: number } };
  return e.$metadata?.httpStatusCode === 403;
}

/** The stderr's text and where it was, or undefined when it could not be read (see `readFailureLog` for why). */
export async function readStepStderr(
  location: string | undefined,
  waitMs: number,
  client: EMRClient,
): Promise<{ path: string; text: string } | undefined> {
  const log = await readFailureLog(location, waitMs, client);
  return log === undefined || "error" in log ? undefined : log;
}

/** "AccessDenied: Access Denied", "NoSuchBucket: The specified bucket does not exist", "EACCES: …". */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const name = error.name === "Error" && typeof code === "string" ? code : error.name;
  return error.message === "" || error.message === name ? name : `${name}: ${error.message}`;
}

function localPath(location: string): string | undefined {
  if (location.startsWith("file:")) return fileURLToPath(location);
  if (location.startsWith("/")) return location;
  return undefined;
}

async function localCandidates(base: string): Promise<string[]> {
  const isDir = await stat(base).then(
    (s) => s.isDirectory(),
    () => base.endsWith("/"),
  );
  return isDir ? [join(base, "stderr"), join(base, "stderr.gz")] : siblings(base, false);
}

/** The file itself when it is a stderr, then the stderr files beside it (or in it, for a directory). */
function siblings(location: string, isDir: boolean): string[] {
  const dir = isDir ? location.replace(/\/+$/, "") : dirname(location);
  const inDir = [`${dir}/stderr`, `${dir}/stderr.gz`];
  return !isDir && /^stderr(\.gz)?$/.test(basename(location))
    ? [location, ...inDir.filter((p) => p !== location)]
    : inDir;
}
