/**
 * After a `kill -9` of an emulator, its steps' processes run on, re-parented to init, with nobody to end them. The
 * next emulator on the same data directory ends them before it serves anything, so that a step it reports ended has
 * nothing left running. Only what is provably the previous emulator's is killed, never a process that merely got a
 * reused pid:
 * - a group from a group file (group-files.ts) whose leader still runs with the start time and boot written down:
 *   SIGKILL to the whole group;
 * - any process, in a group or out of it, whose environment says it belongs to a step still RUNNING in the journal
 *   (`EMRKIT_STEP_ID`, a random id no other step has): what is left of a group whose leader has exited, a step
 *   killed before its group file reached the disk, a child that called `setsid`.
 * SIGKILL at once: the step is ended anyway, and its program's SIGTERM handler would have nothing to report to.
 */
import type { GroupFiles } from "./group-files.js";
import { procPids, procStat, startedWith, thisBoot } from "./proc-stat.js";
import { groupAlive, signalGroup } from "./process-group.js";

const WAIT_MS = 2_000;
const POLL_MS = 20;

export interface EndedLeftOvers {
  /** Process groups killed whole, and processes found by their step's id. */
  groups: number;
  processes: number;
}

export async function endLeftGroups(files: GroupFiles, runningSteps: readonly string[]): Promise<EndedLeftOvers> {
  const boot = thisBoot();
  const groups: number[] = [];
  for (const entry of files.leftOver()) {
    if (boot === undefined || entry.boot !== boot || entry.start === "") continue;
    const leader = procStat(entry.pgid);
    if (leader?.start === entry.start && leader.pgid === entry.pgid) groups.push(entry.pgid);
  }
  const strays = runningSteps.length > 0 ? processesOf(runningSteps) : [];
  for (const pgid of groups) signalGroup(pgid, "SIGKILL");
  for (const pid of strays) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone in between
    }
  }
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline && (groups.some(groupAlive) || strays.some(running))) {
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  files.clear();
  return { groups: groups.length, processes: strays.length };
}

/** The processes whose environment names one of the steps; never this process. */
function processesOf(steps: readonly string[]): number[] {
  const entries = steps.map((id) => `EMRKIT_STEP_ID=${id}`);
  const found: number[] = [];
  for (const pid of procPids() ?? []) {
    if (Number(pid) === process.pid || !running(pid)) continue;
    if (entries.some((entry) => startedWith(pid, entry))) found.push(Number(pid));
  }
  return found;
}

function running(pid: number | string): boolean {
  const stat = procStat(pid);
  return stat !== undefined && stat.state !== "Z" && stat.state !== "X";
}
