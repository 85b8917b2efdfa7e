/**
 * How a step and its cluster end when the step's program is asked to stop. EMR's Management Guide, "Cancel steps"
 * (https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-cancel-steps.html): with either option "the status of
 * the steps … changes to CANCELLED", so a program that handles SEND_INTERRUPT's SIGTERM and exits 0 is CANCELLED,
 * not COMPLETED. "Understanding the cluster lifecycle": a cluster is TERMINATING while it shuts down, so it is not
 * TERMINATED while its steps' processes are still in their kill grace.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  type EMRClient,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, run, started } from "./support.js";

const GRACE_MS = 1_000;

/** Adds a shell step that prints `ready` once its trap is set, and waits for that line in its stdout log. */
async function readyStep(client: EMRClient, logRoot: string, script: string) {
  const id = await cluster(client);
  const { StepIds } = await client.send(
    new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("trapping", ["sh", "-c", `${script}`])] }),
  );
  const stepId = StepIds![0]!;
  const stdout = join(logRoot, id, "steps", stepId, "stdout");
  for (let tries = 0; tries < 500; tries++) {
    const text = (() => {
      try {
        return readFileSync(stdout, "utf8");
      } catch {
        return "";
      }
    })();
    if (text.includes("ready")) return { id, stepId, logDir: join(logRoot, id, "steps", stepId) };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the step did not get ready");
}

async function stepEnded(client: EMRClient, ClusterId: string, StepId: string): Promise<string> {
  for (let tries = 0; tries < 500; tries++) {
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId, StepId }));
    const state = Step!.Status!.State!;
    if (!["PENDING", "RUNNING", "CANCEL_PENDING"].includes(state)) return state;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${StepId} did not end`);
}

describe("stopping a running step", () => {
  it("SEND_INTERRUPT: a program that handles the SIGTERM and exits 0 ends CANCELLED", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const { id, stepId, logDir } = await readyStep(
      client,
      emu.logRoot,
      `trap "exit 0" TERM; echo ready; sleep 30 & wait`,
    );
    await client.send(
      new CancelStepsCommand({ ClusterId: id, StepIds: [stepId], StepCancellationOption: "SEND_INTERRUPT" }),
    );
    expect(await stepEnded(client, id, stepId)).toBe("CANCELLED");
    // It was the program's own clean exit, not a kill.
    expect(readFileSync(join(logDir, "controller"), "utf8")).toMatch(/exit code 0$/m);
  });

  it("a program that exits 0 before any cancel still ends COMPLETED", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("quick", ["true"])] }),
    );
    expect(await stepEnded(client, id, StepIds![0]!)).toBe("COMPLETED");
  });

  it("TerminateJobFlows: the cluster is TERMINATING until the kill grace has ended its step's processes", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const { id, stepId } = await readyStep(client, emu.logRoot, `trap "" TERM; echo ready; sleep 30`);
    const from = Date.now();
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    const seen: { at: number; state: string }[] = [];
    for (;;) {
      const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
      const state = Cluster!.Status!.State!;
      seen.push({ at: Date.now() - from, state });
      if (state !== "TERMINATING" || Date.now() - from > 10_000) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const last = seen.at(-1)!;
    expect(last.state).toBe("TERMINATED");
    // The step ignores SIGTERM: only the SIGKILL after the grace ends it, and the cluster waits for that.
    expect(last.at).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(seen.filter((s) => s.at < GRACE_MS - 100).every((s) => s.state === "TERMINATING")).toBe(true);
    expect(await stepEnded(client, id, stepId)).toBe("CANCELLED");
  });
});
