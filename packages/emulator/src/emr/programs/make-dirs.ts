import { mkdir } from "node:fs/promises";
import type { StepDirs } from "./program.js";

/**
 * The step's own directories, made once it is known to be able to run (so that a step refused leaves only its
 * logs), off the event loop and side by side, so that a burst of steps does not hold up requests.
 */
export async function makeDirs(dirs: StepDirs): Promise<void> {
  await Promise.all([mkdir(dirs.workDir, { recursive: true }), mkdir(dirs.tmpDir, { recursive: true })]);
}
