import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * A temp folder for the calling test file: named at once (test tables may hold paths in it), made before the file's
 * first test and removed after its last. When none of its tests runs (all skipped, say without models, or filtered
 * out) vitest runs no hook, and nothing is made: a folder made at import would be left behind.
 */
export function tempDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${randomUUID().slice(0, 8)}`);
  beforeAll(() => {
    mkdirSync(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
