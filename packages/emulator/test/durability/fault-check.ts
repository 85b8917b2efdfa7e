/**
 * One run of a scenario on a journal with one fault in it, then a restart: every difference from what EMR's
 * clients were told, as sentences. Also what a fault must have done to the running emulator: a failed write of a
 * request refused that request alone (500, nothing changed, the emulator goes on), a failed write of a change the
 * emulator made on its own, or a failed fsync, made it read-only, naming the cause.
 */
import { rmSync } from "node:fs";
import { type EmulatorHandle, startEmulator } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";
import { afterRestart } from "./after-restart.js";
import { type Fault, FaultyFs } from "./faulty-fs.js";
import { type Command, type Observed, runScenario } from "./scenario.js";

export interface Run {
  wrong: string[];
  fs: FaultyFs;
  observed: Observed;
  /** Where the fault landed: in a request, in a change of the emulator's own, or nowhere. */
  landed: "request" | "own change" | "fsync" | "no effect" | "not reached";
}

export async function runWithFault(commands: readonly Command[], fault?: Fault): Promise<Run> {
  const dataDir = tempDir("emrkit-fault-");
  const fs = new FaultyFs(fault);
  try {
    const emu = await startEmulator({ dataDir, clusterStartupMs: 0, journalFs: fs });
    let observed: Observed;
    let readOnly: EmulatorHandle["readOnly"];
    try {
      observed = await runScenario(emu, commands);
      readOnly = emu.readOnly;
    } finally {
      await emu.close();
    }
    const { landed, wrong } = judge(fault, fs, observed, readOnly);
    wrong.push(...observed.unexpected);
    if (observed.readsRefusedWhileReadOnly > 0)
      wrong.push(`${observed.readsRefusedWhileReadOnly} reads refused while read-only`);
    wrong.push(...(await afterRestart({ dataDir }, observed)));
    return { wrong, fs, observed, landed };
  } finally {
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function judge(fault: Fault | undefined, fs: FaultyFs, seen: Observed, readOnly: EmulatorHandle["readOnly"]) {
  const wrong: string[] = [];
  const expect = (ok: boolean, what: string) => void (ok || wrong.push(what));
  const state = `read-only: ${readOnly?.reason ?? "no"}; refusals: ${seen.refusals.join(" | ") || "none"}`;
  if (!fault || !fs.fired) {
    expect(seen.refusals.length === 0 && !readOnly, `no fault, and yet ${state}`);
    return { landed: "not reached" as const, wrong };
  }
  if (fault.kind === "short" && fault.on === "write") {
    expect(seen.refusals.length === 0 && !readOnly, `a short write, continued, and yet ${state}`);
    return { landed: "no effect" as const, wrong };
  }
  const code = fault.kind.startsWith("EIO") ? "EIO" : "ENOSPC";
  if (fault.on === "fsync") {
    expect(readOnly?.reason.includes("fsync") === true && readOnly.reason.includes(code), `fsync ${code}: ${state}`);
    for (const r of seen.refusals) expect(/fsync|read-only/.test(r), `fsync ${code}, a refusal not saying so: ${r}`);
    return { landed: "fsync" as const, wrong };
  }
  const request = seen.refusals.filter((r) => r.includes("not carried out"));
  const cutFails = fault.kind === "ENOSPC-and-cut-fails";
  if (request.length > 0) {
    expect(request.length === 1 && request[0]!.includes(code), `one request refused for ${code}: ${state}`);
    // The write was cut back off the file, so the emulator goes on; when that failed too, it stops writing.
    if (cutFails) expect(readOnly?.reason.includes("cutting") === true, `the cut-back failed: ${state}`);
    else expect(!readOnly && seen.refusals.length === 1, `a request's write failed and was cut back: ${state}`);
    return { landed: "request" as const, wrong };
  }
  expect(readOnly?.reason.includes(code) === true, `a change of its own failed with ${code}: ${state}`);
  for (const r of seen.refusals) expect(r.includes("read-only"), `read-only, a refusal not saying so: ${r}`);
  return { landed: "own change" as const, wrong };
}
