/**
 * Nothing of a step outlives its end: a three-level process tree (sh → sh → sleep, and the first sh's own sleep)
 * whose inner shell and sleep ignore SIGTERM is gone, no process of its group left and no orphan, within the kill
 * grace after CancelSteps (TERMINATE_PROCESS and SEND_INTERRUPT), TerminateJobFlows and close(); and the step
 * settles as EMR says it does. Processes are read with `ps`; zombies count as gone (they have exited; an init
 * that does not reap, as some containers' pid 1, keeps them).
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  type EMRClient,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { afterEach, describe, expect, it } from "vitest";
import { serveProcess } from "./hardening/harness.js";
import { clientFor, cluster, run, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

const GRACE_MS = 1_000;
/** What a loaded machine adds to the grace: the emulator's polling, ps, the client's calls. */
const SLACK_MS = 1_500;

interface Proc {
  pid: number;
  pgid: number;
  ppid: number;
  args: string;
}

/** The running (non-zombie) processes of this machine. */
function processes(): Proc[] {
  return execFileSync("ps", ["-eo", "pid=,pgid=,ppid=,stat=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[4]!.startsWith("Z"))
    .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), ppid: Number(m[3]), args: m[5]! }));
}

const markers: string[] = [];
// Should a test fail with some of its tree running, that is not left on the machine.
afterEach(() => {
  for (const p of processes()) if (markers.some((m) => sleeps(p, m))) process.kill(p.pid, "SIGKILL");
  markers.length = 0;
});

let count = 0;
/** A step running the tree; its sleeps last a number of seconds no other process here uses, to find them by. */
function treeStep() {
  const seconds = `${4_000 + process.pid * 10 + count++}`;
  markers.push(seconds);
  const argv = ["sh", "-c", `sh -c 'trap "" TERM; sleep ${seconds}; true' & sleep ${seconds}; true`];
  return { seconds, step: run("tree", argv) };
}

/** Waits for the whole tree to run: four processes, three levels deep, one process group led by the step's sh. */
async function treeRunning(seconds: string): Promise<{ pgid: number; pids: number[] }> {
  for (let tries = 0; tries < 250; tries++) {
    const mine = processes().filter((p) => sleeps(p, seconds));
    const leader = mine.find((p) => p.pid === p.pgid);
    const deepest = mine.find((p) => {
      const parent = mine.find((q) => q.pid === p.ppid);
      return parent !== undefined && mine.some((q) => q.pid === parent.ppid);
    });
    if (mine.length === 4 && leader && deepest && mine.every((p) => p.pgid === leader.pid)) {
      return { pgid: leader.pid, pids: mine.map((p) => p.pid) };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the tree of sleep ${seconds} did not start`);
}

/** Whatever of the tree still runs: its group, its pids, anything with its marker (an orphan re-parented to init). */
function leftOf(tree: { pgid: number; pids: number[] }, seconds: string): Proc[] {
  return processes().filter((p) => p.pgid === tree.pgid || tree.pids.includes(p.pid) || sleeps(p, seconds));
}

/** Whether the process is one of the tree's: its sleep, or a shell that runs it. */
const sleeps = (p: Proc, seconds: string) => new RegExp(`\\bsleep ${seconds}\\b`).test(p.args);

/** Milliseconds until nothing of the tree runs; fails past `limit`. */
async function goneWithin(tree: { pgid: number; pids: number[] }, seconds: string, limit: number): Promise<number> {
  const from = Date.now();
  for (;;) {
    const left = leftOf(tree, seconds);
    if (left.length === 0) return Date.now() - from;
    if (Date.now() - from > limit) {
      throw new Error(`still running after ${limit} ms: ${left.map((p) => `${p.pid} ${p.args}`).join("; ")}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stepState(client: EMRClient, clusterId: string, stepId: string, until: (s: string) => boolean) {
  const from = Date.now();
  for (;;) {
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }));
    const state = Step!.Status!.State!;
    if (until(state) || Date.now() - from > 10_000) return state;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function runningTree(client: EMRClient) {
  const { seconds, step } = treeStep();
  const id = await cluster(client);
  const { StepIds } = await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [step] }));
  const tree = await treeRunning(seconds);
  return { id, stepId: StepIds![0]!, seconds, tree };
}

const ended = (s: string) => !["PENDING", "RUNNING", "CANCEL_PENDING"].includes(s);

describe("a step's process tree", () => {
  it("is gone at once after CancelSteps TERMINATE_PROCESS (SIGKILL to all of it, as EMR does); the step is CANCELLED", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const { id, stepId, seconds, tree } = await runningTree(client);
    await client.send(
      new CancelStepsCommand({ ClusterId: id, StepIds: [stepId], StepCancellationOption: "TERMINATE_PROCESS" }),
    );
    const took = await goneWithin(tree, seconds, GRACE_MS);
    console.log(`TERMINATE_PROCESS: tree of 4 processes gone in ${took} ms (grace ${GRACE_MS} ms)`);
    expect(await stepState(client, id, stepId, ended)).toBe("CANCELLED");
  });

  it("is gone within the grace after CancelSteps SEND_INTERRUPT, whose SIGTERM its inner shell ignores", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const { id, stepId, seconds, tree } = await runningTree(client);
    await client.send(new CancelStepsCommand({ ClusterId: id, StepIds: [stepId] }));
    const took = await goneWithin(tree, seconds, GRACE_MS + SLACK_MS);
    console.log(`SEND_INTERRUPT: tree gone in ${took} ms (grace ${GRACE_MS} ms)`);
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(await stepState(client, id, stepId, ended)).toBe("CANCELLED");
  });

  it("is gone within the grace after TerminateJobFlows (SIGTERM, then SIGKILL); the step is CANCELLED", async () => {
    const emu = await started({ stepKillGraceMs: GRACE_MS });
    const client = clientFor(emu.endpoint);
    const { id, stepId, seconds, tree } = await runningTree(client);
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    const took = await goneWithin(tree, seconds, GRACE_MS + SLACK_MS);
    console.log(`TerminateJobFlows: tree gone in ${took} ms (grace ${GRACE_MS} ms)`);
    // What ignores SIGTERM can only have gone with the SIGKILL that follows the grace.
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(await stepState(client, id, stepId, ended)).toBe("CANCELLED");
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toMatch(/^TERMINAT/);
  });

  it("is gone when close() resolves; after a restart the step is FAILED", async () => {
    const dataDir = tempDir("emrkit-tree-close-");
    const emu = await started({ dataDir, stepKillGraceMs: GRACE_MS });
    const { id, stepId, seconds, tree } = await runningTree(clientFor(emu.endpoint));
    const from = Date.now();
    await emu.close();
    const closedIn = Date.now() - from;
    expect(leftOf(tree, seconds)).toEqual([]);
    console.log(`close(): resolved in ${closedIn} ms with nothing of the tree left (grace ${GRACE_MS} ms)`);
    expect(closedIn).toBeLessThan(GRACE_MS + SLACK_MS);
    const again = await started({ dataDir });
    expect(await stepState(clientFor(again.endpoint), id, stepId, ended)).toBe("FAILED");
  });

  it("outlives a kill -9 of the emulator only until an emulator starts again on its data directory", async () => {
    const dataDir = tempDir("emrkit-tree-kill-");
    const first = await serveProcess(dataDir);
    const { id, stepId, seconds, tree } = await runningTree(clientFor(first.endpoint));
    await first.kill9();
    // Nothing ended it: all four processes run on, re-parented to init.
    expect(leftOf(tree, seconds)).toHaveLength(4);
    const from = Date.now();
    const again = await started({ dataDir });
    console.log(`kill -9, then a restart: the left tree ended before the emulator served, in ${Date.now() - from} ms`);
    expect(leftOf(tree, seconds)).toEqual([]);
    const { Step } = await clientFor(again.endpoint).send(new DescribeStepCommand({ ClusterId: id, StepId: stepId }));
    expect(Step!.Status!.State).toBe("FAILED");
    expect(Step!.Status!.FailureDetails).toMatchObject({ Reason: "The emulator stopped while the step was running" });
    expect(readdirSync(join(dataDir, "groups"))).toEqual([]);
  });
});
