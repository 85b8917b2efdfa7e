import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { EMRClient } from "@aws-sdk/client-emr";
import { s3Get } from "./s3-get.js";
import { sleep } from "./sleep.js";

/**
 * Reads a failed step's stderr: `LogFile` (or the step's log prefix) as a local path, a file: URL or an s3:// URI,
 * naming the stderr file itself, a sibling log file, or the step's log directory; `.gz` is unpacked. Waits up to
 * `waitMs` for the file to appear (EMR uploads step logs to S3 every few minutes).
 */
export async function readStepStderr(
  location: string | undefined,
  waitMs: number,
  client: EMRClient,
): Promise<{ path: string; text: string } | undefined> {
  if (location === undefined || location === "") return undefined;
  const s3 = /^s3n?:\/\//.test(location);
  const local = s3 ? undefined : localPath(location);
  if (!s3 && local === undefined) return undefined;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const paths = s3 ? siblings(location, location.endsWith("/")) : await localCandidates(local ?? "");
    for (const path of paths) {
      const bytes = s3 ? await s3Get(client, path) : await readFile(path).catch(() => undefined);
      if (bytes !== undefined) {
        const text = (path.endsWith(".gz") ? gunzipSync(bytes) : Buffer.from(bytes)).toString("utf8");
        return { path, text };
      }
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(1000, Math.max(1, deadline - Date.now())));
  }
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
