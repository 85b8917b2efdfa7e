/**
 * s3-dist-cp runs in a process of the step's own, so CancelSteps ends it as it ends any step's program (here
 * TERMINATE_PROCESS: SIGKILL to it at once). The copy is made long with a sparse file of 16 GiB, which takes no disk
 * and gzips to little, so the test cancels it while it is copying; `ps` shows it gone.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, CancelStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, started } from "../support.js";
import { commandStep } from "./steps.js";

const running = (marker: string) =>
  execFileSync("ps", ["-eo", "pid=,stat=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(marker) && !/^\s*\d+\s+Z/.test(line));

describe("s3-dist-cp in the step's process model", () => {
  it("is killed by CancelSteps TERMINATE_PROCESS while it copies, and the step ends CANCELLED", async () => {
    const emu = await started();
    const bucket = `sparse-${process.pid}-${Date.now()}`;
    mkdirSync(join(emu.s3Root, bucket), { recursive: true });
    const fd = openSync(join(emu.s3Root, bucket, "zeros.bin"), "w");
    ftruncateSync(fd, 16 * 1024 ** 3);
    closeSync(fd);
    const client = clientFor(emu.endpoint);
    const ClusterId = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: ClusterId,
        Steps: [
          commandStep("long copy", ["s3-dist-cp", `--src=s3://${bucket}/`, "--dest=s3://out/", "--outputCodec=gzip"]),
        ],
      }),
    );
    const StepId = StepIds![0]!;
    const stderr = join(emu.logRoot, ClusterId, "steps", StepId, "stderr");
    // Copying: its log says so, and its process is there.
    for (;;) {
      const log = (() => {
        try {
          return readFileSync(stderr, "utf8");
        } catch {
          return "";
        }
      })();
      if (log.includes("Processing object")) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(running(bucket)).toHaveLength(1);
    const { CancelStepsInfoList } = await client.send(
      new CancelStepsCommand({ ClusterId, StepIds: [StepId], StepCancellationOption: "TERMINATE_PROCESS" }),
    );
    expect(CancelStepsInfoList![0]!.Status).toBe("SUBMITTED");
    const started_ = Date.now();
    for (;;) {
      const { Step } = await client.send(new DescribeStepCommand({ ClusterId, StepId }));
      if (Step!.Status!.State !== "RUNNING") {
        expect(Step!.Status!.State).toBe("CANCELLED");
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(Date.now() - started_).toBeLessThan(2_000);
    expect(running(bucket)).toEqual([]);
  });
});
