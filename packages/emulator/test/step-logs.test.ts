/**
 * A step's logs on a failing disk: what cannot be written is lost, the controller log says so where it still can,
 * the step's outcome is its program's, and the emulator keeps running (an unhandled stream error used to end it).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { AddJobFlowStepsCommand, ListStepsCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { openLogFile } from "../src/emr/log-sink.js";
import { StepLogs } from "../src/emr/step-logs.js";
import { StepProcess } from "../src/emr/step-process.js";
import { smallTmpfs } from "./durability/small-tmpfs.js";
import { clientFor, cluster, run, settled, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

/** A file that takes `room` bytes, then fails every write with ENOSPC, as a full disk does. */
function fullAfter(room: number): Writable {
  let used = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      used += chunk.length;
      if (used <= room) return done();
      done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
    },
  });
}

describe("step logs on a failing disk", () => {
  it("an ENOSPC on stdout loses the rest of it, says so in the controller log, and the step still succeeds", async () => {
    const dir = tempDir("emrkit-step-logs-");
    const logs = new StepLogs(dir, (path) => (path.endsWith("stdout") ? fullAfter(4_096) : openLogFile(path)));
    // 1 MB through a pipe of 64 KiB: a program whose output nobody read any more would block for ever.
    const child = spawn("sh", ["-c", "head -c 1000000 /dev/zero; echo bye >&2"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const outcome = await logs.follow(new StepProcess(child, 100), "sh");
    expect(outcome).toMatchObject({ ok: true, message: "Step failed with exitCode 0" });
    const controller = readFileSync(join(dir, "controller"), "utf8");
    expect(controller).toMatch(
      /stdout: \d+ bytes of the step's output were not written \(ENOSPC: no space left on device, write\)/,
    );
    expect(controller).toMatch(/exit code 0$/m);
    expect(readFileSync(join(dir, "stderr"), "utf8")).toBe("bye\n");
  });

  it("on a real full disk (a 64 KiB tmpfs for the logs) the emulator keeps running and the steps end as their programs did", async (context) => {
    const disk = smallTmpfs("64k", "step logs on a full tmpfs");
    if (!disk) return context.skip();
    const emu = await started({ logRoot: join(disk, "logs") });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [
          run("flood", ["sh", "-c", "head -c 1000000 /dev/zero"]),
          run("after", ["sh", "-c", "echo more; exit 3"]),
        ],
      }),
    );
    const steps = await settled(client, id);
    expect(steps.map((s) => s.Status!.State)).toEqual(["COMPLETED", "FAILED"]);
    expect(steps[1]!.Status!.FailureDetails!.Message).toBe("Step failed with exitCode 3");
    expect(emu.readOnly).toBeUndefined();
    const { Steps } = await client.send(new ListStepsCommand({ ClusterId: id }));
    expect(Steps).toHaveLength(2);
  });
});
