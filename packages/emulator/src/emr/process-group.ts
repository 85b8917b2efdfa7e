/**
 * A step's processes as one process group. The step's program is spawned `detached` (a session and process group
 * of its own, pgid = its pid), so everything it starts is signalled at once with `process.kill(-pgid, …)` and can
 * still be found after the program itself has exited. A process that leaves the group on purpose (`setsid`, a
 * daemon double-fork) is out of reach: only a cgroup would hold it, and the emulator does not make one.
 */
import { procPids, procStat } from "./proc-stat.js";

const POLL_MS = 20;
/** How long SIGKILL is given to land before the group is given up (a process stuck in the kernel, say). */
const SIGKILL_WAIT_MS = 2_000;

/** Sends `signal` (0: none, only the check) to every process of the group; false when the group is empty. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM: members left that this user may not signal (a setuid program); they are there all the same.
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    return true;
  }
}

/**
 * Whether a process of the group is still running. Zombies do not count: they have exited and only wait to be
 * reaped, and an init that does not reap (some containers' pid 1) would keep an orphan's zombie for ever.
 */
export function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  const living = livingMembers(pgid);
  return living === undefined || living > 0;
}

/** How many running, non-zombie processes /proc lists in the group; undefined where there is no /proc (macOS). */
function livingMembers(pgid: number): number | undefined {
  const pids = procPids();
  if (pids === undefined) return undefined;
  let living = 0;
  for (const pid of pids) {
    const stat = procStat(pid); // undefined: gone in between
    if (stat?.pgid === pgid && stat.state !== "Z" && stat.state !== "X") living++;
  }
  return living;
}

/**
 * Ends the group: `first` to all of it, then, for what is still running after `graceMs`, SIGKILL. Resolves once
 * nothing of it runs (or SIGKILL had two seconds to land).
 */
export async function endGroup(pgid: number, first: "SIGTERM" | "SIGKILL", graceMs: number): Promise<void> {
  if (first === "SIGTERM" && signalGroup(pgid, "SIGTERM")) await waitForGroup(pgid, graceMs);
  if (groupAlive(pgid)) signalGroup(pgid, "SIGKILL");
  await waitForGroup(pgid, SIGKILL_WAIT_MS);
}

async function waitForGroup(pgid: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, POLL_MS));
}

const tracked = new Set<number>();
let hooked = false;

/**
 * Remembers a live group so that, should this process exit without closing its emulators (process.exit, an
 * uncaught exception), the group is killed with it; `kill -9` of this process leaves nothing a chance to. Returns
 * the function that forgets it.
 */
export function trackGroup(pgid: number): () => void {
  if (!hooked) {
    hooked = true;
    process.on("exit", () => {
      for (const group of tracked) signalGroup(group, "SIGKILL");
    });
  }
  tracked.add(pgid);
  return () => tracked.delete(pgid);
}
