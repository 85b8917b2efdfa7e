/**
 * What Linux's /proc says of a process (proc(5)): its state, group, session and start time from `/proc/<pid>/stat`,
 * and the environment it started with from `/proc/<pid>/environ`. Undefined where a process is gone, belongs to
 * another user, or there is no /proc (macOS).
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcStat {
  pid: number;
  /** R, S, D, Z (zombie), X (dead), … */
  state: string;
  pgid: number;
  sid: number;
  /** Clock ticks after boot: with the pid, names one process for the whole boot. */
  start: string;
}

export function procStat(pid: number | string): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return undefined;
  }
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  // priority nice threads itrealvalue starttime …: comm may hold spaces and parentheses, so read after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ", 20);
  return { pid: Number(pid), state: fields[0]!, pgid: Number(fields[2]), sid: Number(fields[3]), start: fields[19]! };
}

/** The pids /proc lists; undefined without /proc. */
export function procPids(): string[] | undefined {
  try {
    return readdirSync("/proc").filter((name) => {
      const first = name.charCodeAt(0);
      return first >= 48 && first <= 57;
    });
  } catch {
    return undefined;
  }
}

export function processStart(pid: number): string | undefined {
  return procStat(pid)?.start;
}

let boot: string | undefined;
/** This boot's id: start times count from it, so a file from before a reboot names nothing that runs. */
export function thisBoot(): string | undefined {
  try {
    boot ??= readFileSync("/proc/sys/kernel/random/boot_id", "latin1").trim();
  } catch {
    return undefined;
  }
  return boot;
}

/** Whether the process started with `name=value` in its environment (false when it cannot be read). */
export function startedWith(pid: number | string, entry: string): boolean {
  let environ: Buffer;
  try {
    environ = readFileSync(`/proc/${pid}/environ`);
  } catch {
    return false;
  }
  const wanted = Buffer.from(`${entry}\0`);
  return environ.indexOf(wanted) === 0 || environ.indexOf(Buffer.concat([Buffer.from("\0"), wanted])) >= 0;
}
