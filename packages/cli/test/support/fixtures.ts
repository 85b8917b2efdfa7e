import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * A folder for a test file's inputs, named now and made by the first file written (when every test of the file
 * is filtered out no hook runs, and a folder made at import would stay behind), removed after the file's tests.
 */
export function fixtures(): { dir: string; file(name: string, value: unknown): string } {
  const dir = join(tmpdir(), `emrkit-cli-${randomUUID().slice(0, 8)}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, value) {
      mkdirSync(dir, { recursive: true });
      const path = join(dir, name);
      writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value, null, 2));
      return path;
    },
  };
}

/** A CLI-format step running `argv` on command-runner.jar. */
export function cliStep(name: string, argv: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: "CUSTOM_JAR",
    Name: name,
    ActionOnFailure: "CONTINUE",
    Jar: "command-runner.jar",
    Args: argv,
    ...extra,
  };
}
