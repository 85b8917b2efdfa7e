/**
 * Fault injection at every write and every fsync of the journal, through the journal's fs seam (`journalFs`): one
 * script of requests — clusters made, steps added that succeed, fail and run long, a level changed, a running step
 * cancelled, a cluster terminated — is run once cleanly to count its writes and fsyncs, then once per write with that
 * write failing (ENOSPC, EIO, short and continued, short then ENOSPC, ENOSPC with the cut-back failing too), and once
 * per fsync with it failing (EIO, ENOSPC). Steps end on their own meanwhile, so faults land in requests and in the
 * emulator's own changes alike. After each: a restart shows exactly what was acknowledged, nothing more.
 */
import { describe, expect, it } from "vitest";
import { runWithFault } from "./fault-check.js";
import { type Fault, FSYNC_FAULTS, WRITE_FAULTS } from "./faulty-fs.js";
import type { Command } from "./scenario.js";

const STRESS = process.env.EMRKIT_STRESS === "1";

const SCRIPT: Command[] = [
  { op: "run", steps: ["ok"] },
  { op: "add", cluster: 0, steps: ["ok", "fail"] },
  { op: "settle" },
  { op: "modify", cluster: 0, level: 2 },
  { op: "add", cluster: 0, steps: ["long", "ok"] },
  { op: "cancel", cluster: 0, step: 3 },
  { op: "run", steps: ["ok"] },
  { op: "terminate", cluster: 1 },
  { op: "add", cluster: 0, steps: ["ok"] },
];

describe("a journal write or fsync that fails, wherever it lands", () => {
  it("refuses the request or turns read-only, and a restart has exactly what was acknowledged", async () => {
    const clean = await runWithFault(SCRIPT);
    expect(clean.wrong).toEqual([]);
    const tally = { runs: 1, injected: 0, request: 0, ownChange: 0, fsync: 0, shortContinued: 0 };
    const failures: string[] = [];
    const attempt = async (fault: Fault) => {
      const run = await runWithFault(SCRIPT, fault);
      tally.runs++;
      if (!run.fs.fired) return false;
      tally.injected++;
      if (run.landed === "request") tally.request++;
      else if (run.landed === "own change") tally.ownChange++;
      else if (run.landed === "fsync") tally.fsync++;
      else tally.shortContinued++;
      for (const w of run.wrong) failures.push(`${JSON.stringify(fault)}: ${w}`);
      return true;
    };
    // Timing moves steps' ends around, so a run may make a write or two more than the clean one: go on until a
    // fault is no longer reached. Under stress, all of it again, for other timings.
    for (let round = 0; round < (STRESS ? 5 : 1); round++) {
      for (const [on, kinds, inCleanRun] of [
        ["write", WRITE_FAULTS, clean.fs.writes],
        ["fsync", FSYNC_FAULTS, clean.fs.fsyncs],
      ] as const) {
        for (let at = 1; ; at++) {
          let reached = false;
          for (const kind of kinds) reached = (await attempt({ on, at, kind } as Fault)) || reached;
          if (!reached && at > inCleanRun) break;
        }
      }
    }
    console.log(
      `fault injection: ${clean.fs.writes} writes and ${clean.fs.fsyncs} fsyncs in the clean run; ${JSON.stringify(tally)}; ${failures.length} wrong`,
    );
    expect(failures).toEqual([]);
    expect(tally.request).toBeGreaterThan(0);
    expect(tally.ownChange).toBeGreaterThan(0);
  }, 1_200_000);
});
