/**
 * An emulator starting on a data directory ends only what the previous one provably left running: a group whose
 * leader has the start time written down, or a process whose environment names a step still RUNNING. A pid reused
 * by someone else's process, or a process of another step, is left alone.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GroupFiles } from "../src/emr/group-files.js";
import { endLeftGroups } from "../src/emr/left-groups.js";
import { processStart, thisBoot } from "../src/emr/proc-stat.js";
import { tempDir } from "./temp-dir.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** A `sleep` in a group of its own, as a step's program is, with `env`. */
function sleeper(env: Record<string, string> = {}): ChildProcess & { pid: number } {
  const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore", env: { PATH: process.env.PATH!, ...env } });
  children.push(child);
  return child as ChildProcess & { pid: number };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return processStart(pid) !== undefined;
  } catch {
    return false;
  }
};
const exited = (child: ChildProcess) =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(0) : child.once("exit", r)));

describe.skipIf(thisBoot() === undefined)("ending what a killed emulator left", () => {
  it("kills a written-down group whose leader has the start time written down", async () => {
    const files = new GroupFiles(join(tempDir("emrkit-groups-"), "groups"));
    const child = sleeper();
    files.record("s-LEFT", child.pid);
    expect(await endLeftGroups(files, [])).toEqual({ groups: 1, processes: 0 });
    await exited(child);
    expect(child.signalCode).toBe("SIGKILL");
    expect(files.leftOver()).toEqual([]);
  });

  it("leaves alone a process whose pid is written down with another start time (a reused pid)", async () => {
    const dir = join(tempDir("emrkit-groups-"), "groups");
    const files = new GroupFiles(dir);
    const child = sleeper();
    const start = String(Number(processStart(child.pid)) - 1);
    writeFileSync(join(dir, "s-LEFT.json"), JSON.stringify({ pgid: child.pid, start, boot: thisBoot() }));
    expect(await endLeftGroups(files, [])).toEqual({ groups: 0, processes: 0 });
    expect(alive(child.pid)).toBe(true);
    // And one from another boot, even with the right start time.
    writeFileSync(
      join(dir, "s-LEFT.json"),
      JSON.stringify({ pgid: child.pid, start: processStart(child.pid), boot: "x" }),
    );
    expect(await endLeftGroups(files, [])).toEqual({ groups: 0, processes: 0 });
    expect(alive(child.pid)).toBe(true);
  });

  it("kills, by its environment, a process of a step still RUNNING and nothing of other steps", async () => {
    const files = new GroupFiles(join(tempDir("emrkit-groups-"), "groups"));
    const mine = sleeper({ EMRKIT_STEP_ID: "s-RUNNING" });
    const other = sleeper({ EMRKIT_STEP_ID: "s-RUNNINGX", NOT: "EMRKIT_STEP_ID=s-RUNNING" });
    expect(await endLeftGroups(files, ["s-RUNNING"])).toEqual({ groups: 0, processes: 1 });
    await exited(mine);
    expect(mine.signalCode).toBe("SIGKILL");
    expect(alive(other.pid)).toBe(true);
  });
});
