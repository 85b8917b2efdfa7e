import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { sleep } from "./sleep.js";

/**
 * Reads a failed step's stderr when its log is on this machine: `LogFile` (or the step's log prefix) as a local
 * path or file: URL, naming the stderr file itself, a sibling log file, or the step's log directory; `.gz` is
 * unpacked. Waits up to `waitMs` for the file to appear. S3 logs are not fetched (they would need the S3 client).
 */
export async function readStepStderr(
  location: string | undefined,
  waitMs: number,
): Promise<{ path: string; text: string } | undefined> {
  const base = localPath(location);
  if (base === undefined) return undefined;
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (const path of await candidates(base)) {
      try {
        const bytes = await readFile(path);
        return { path, text: (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8") };
      } catch {
        // not there (yet)
      }
    }
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(200, Math.max(1, deadline - Date.now())));
  }
}

function localPath(location: string | undefined): string | undefined {
  if (location === undefined || location === "") return undefined;
  if (location.startsWith("file:")) return fileURLToPath(location);
  if (location.startsWith("/")) return location;
  return undefined;
}

async function candidates(base: string): Promise<string[]> {
  const isDir = await stat(base).then(
    (s) => s.isDirectory(),
    () => base.endsWith("/"),
  );
  const dir = isDir ? base : dirname(base);
  const name = basename(base);
  const inDir = [join(dir, "stderr"), join(dir, "stderr.gz")];
  return isDir || !/^stderr(\.gz)?$/.test(name) ? inDir : [base, ...inDir];
}
