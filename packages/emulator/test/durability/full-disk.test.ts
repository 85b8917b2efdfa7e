/**
 * The journal on a real full disk: a 64 KiB tmpfs (mounting one needs root; skipped loudly otherwise). Clients add
 * steps until the disk is full and steps keep ending on their own; then the disk is given room and the emulator
 * restarted on it. Every refusal is a 500 that names the cause, the process does not crash, the steps after the
 * restart are exactly the acknowledged ones, and no step ran (it has a log directory) that the restart lost.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, ListStepsCommand, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { emrClient, listAllSteps } from "../hardening/harness.js";
import { tempDir } from "../temp-dir.js";
import { smallTmpfs } from "./small-tmpfs.js";

describe("on a full disk (a 64 KiB tmpfs)", () => {
  it("refuses what it cannot write, stays up, and after a restart has exactly what it acknowledged", async () => {
    const disk = smallTmpfs("64k");
    if (!disk) return;
    const dataDir = join(disk, "data");
    // Only the journal on the small disk: step logs and the local S3 are the executor's, elsewhere.
    const elsewhere = tempDir("emrkit-full-disk-logs-");
    const dirs = { dataDir, logRoot: join(elsewhere, "logs"), s3Root: join(elsewhere, "s3") };
    mkdirSync(dirs.s3Root);
    let emu = await startEmulator({ ...dirs, clusterStartupMs: 0 });
    const emr = emrClient(emu.endpoint);
    const { JobFlowId } = await emr.send(
      new RunJobFlowCommand({
        Name: "full",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        StepConcurrencyLevel: 4,
      }),
    );
    const acknowledged: string[] = [];
    const refusals: string[] = [];
    let reads = 0;
    for (let n = 0; n < 400 && refusals.length < 20; n++) {
      const names = [`r${n}:0`, `r${n}:1`];
      try {
        await emr.send(
          new AddJobFlowStepsCommand({
            JobFlowId,
            Steps: names.map((Name) => ({
              Name,
              ActionOnFailure: "CONTINUE",
              HadoopJarStep: { Jar: "command-runner.jar", Args: ["true", "x".repeat(300)] },
            })),
          }),
        );
        acknowledged.push(...names);
      } catch (error) {
        const e = error as Error & { $metadata?: { httpStatusCode?: number } };
        refusals.push(`${e.$metadata?.httpStatusCode} ${e.name}: ${e.message}`);
      }
      // Steps end on their own meanwhile: their writes hit the full disk too.
      if (n % 10 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    await new Promise((r) => setTimeout(r, 300));
    // Reads keep working, full disk or not.
    await emr.send(new ListStepsCommand({ ClusterId: JobFlowId }));
    reads++;
    console.log(
      `full disk: ${acknowledged.length / 2} requests acknowledged, ${refusals.length} refused; read-only: ${JSON.stringify(emu.readOnly)}; first refusal: ${refusals[0]}`,
    );
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r).toMatch(/^500 InternalServerError: .*(ENOSPC|no space|read-only)/i);
    await emu.close();
    execFileSync("mount", ["-o", "remount,size=4m", disk]);
    emu = await startEmulator({ ...dirs, clusterStartupMs: 600_000 });
    try {
      const after = await listAllSteps(emrClient(emu.endpoint), JobFlowId!);
      expect(after.map((s) => s.Name).sort()).toEqual([...acknowledged].sort());
      const known = new Set(after.map((s) => s.Id));
      const logDir = join(dirs.logRoot, JobFlowId!, "steps");
      const ran = existsSync(logDir) ? readdirSync(logDir) : [];
      expect(
        ran.filter((id) => !known.has(id)),
        "steps that ran and were lost",
      ).toEqual([]);
      expect(reads).toBe(1);
    } finally {
      await emu.close();
    }
  }, 60_000);
});
