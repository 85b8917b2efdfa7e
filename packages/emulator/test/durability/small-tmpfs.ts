import { execFileSync } from "node:child_process";
import { afterAll } from "vitest";
import { tempDir } from "../temp-dir.js";

const mounted: string[] = [];
// Before temp-dir's own afterAll removes the folders (hooks run in reverse order of registration).
afterAll(() => {
  for (const dir of mounted.splice(0)) execFileSync("umount", [dir]);
});

/** A tmpfs of `size` at a new folder, or undefined where this process may not mount one. */
export function smallTmpfs(size: string, what = "full-disk test"): string | undefined {
  const dir = tempDir("emrkit-full-disk-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    console.log(`${what} skipped: cannot mount a tmpfs here (${(error as Error).message.split("\n")[0]})`);
    return undefined;
  }
  mounted.push(dir);
  return dir;
}
