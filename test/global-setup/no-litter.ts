/**
 * The litter check, a vitest globalSetup: a test run leaves the temp directory as it found it.
 *
 * The run gets a temp directory of its own: TMPDIR points every test process, and every process those start, at
 * a new folder, empty at the start, so that everything the run makes "in the temp directory" lands there and
 * nothing else does. Then every entry left in it at the end counts, whatever its name. A diff of os.tmpdir()
 * itself is not reliable on a shared machine: during runs of the suite other processes made and removed entries
 * there (a consumer test's npm install, vitest's own work folder, other checkouts' runs of this suite leaving
 * emrkit-emu-test-* and emrkit-emulator-* folders), so it would blame their entries on this run; restricted to
 * `emrkit*` names it would still blame a concurrent run's. What it cannot see: a process started without TMPDIR in
 * its environment, or a path written as /tmp by hand. A run killed before its teardown leaves its own
 * emrkit-test-run-* folder.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Compile caches, meant to outlive a run (in the real temp directory every process on the machine shares them), not
 * something a test made: tsx's (`tsx-<uid>`), there because the CLI and serve.ts run from source through tsx, and
 * Node's own (`node-compile-cache`, which Node 22 and later write where a process enables it, tsx among them).
 */
const COMPILE_CACHES = /^(?:tsx-\d+|node-compile-cache)$/;

export default function noLitter(): () => void {
  const previous = process.env.TMPDIR;
  const temp = mkdtempSync(join(tmpdir(), "emrkit-test-run-"));
  process.env.TMPDIR = temp;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(temp)
      .filter((name) => !COMPILE_CACHES.test(name))
      .sort();
    rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) {
      // Vitest only prints an error thrown here ("error during close") and would still exit 0.
      process.exitCode = 1;
      throw new Error(
        `the test run left ${left.length} entries in the temp directory: ${left.join(", ")}. Remove each where it is made (afterAll, finally, close()).`,
      );
    }
  };
}
