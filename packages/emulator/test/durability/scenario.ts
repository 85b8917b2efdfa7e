/**
 * A small script of EMR requests run against an emulator whose journal has a fault in it, and what its clients saw:
 * which requests were acknowledged and which refused, and what every acknowledged read showed. `after-restart.ts`
 * checks it against the journal a restart reads back.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  type EMRClient,
  ModifyClusterCommand,
  RunJobFlowCommand,
  type StepConfig,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import type { EmulatorHandle } from "../../src/index.js";
import { emrClient, listAllSteps } from "../hardening/harness.js";

export type StepKind = "ok" | "fail" | "long";
/** `cluster` and `step` pick among the clusters and steps acknowledged so far (modulo their number). */
export type Command =
  | { op: "run"; steps: StepKind[] }
  | { op: "add"; cluster: number; steps: StepKind[] }
  | { op: "modify"; cluster: number; level: number }
  | { op: "cancel"; cluster: number; step: number }
  | { op: "terminate"; cluster: number }
  | { op: "settle" };

const ARGV: Record<StepKind, string[]> = { ok: ["true"], fail: ["false"], long: ["sleep", "30"] };
export const TERMINAL_STEP = new Set(["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"]);

export interface AckedCluster {
  id: string;
  name: string;
  level: number;
  terminated: boolean;
  steps: { id: string; name: string; kind: StepKind }[];
}

export interface Observed {
  clusters: AckedCluster[];
  /** Names of clusters and steps in requests that got an answer other than 200: none of them may exist. */
  notAcknowledged: string[];
  /** Each refusal's text: `500 InternalServerError: …`. */
  refusals: string[];
  /** Ids of steps an acknowledged CancelSteps said SUBMITTED for. */
  cancelled: Set<string>;
  /** What acknowledged reads showed last, by id: step and cluster states. */
  seen: Map<string, string>;
  /** Names acknowledged reads showed: each must be one an acknowledged request made. */
  seenNames: Set<string>;
  /** Reads refused although the emulator was already read-only when they were sent. */
  readsRefusedWhileReadOnly: number;
  /** Answers that were neither 200 nor a refusal as the emulator gives them (a 500 InternalServerError). */
  unexpected: string[];
  /** Step ids whose process started (they have a log directory), read before the restart. */
  ran: string[];
}

function steps(kinds: StepKind[], tag: string): StepConfig[] {
  return kinds.map((kind, i) => ({
    Name: `${tag}:${i}:${kind}`,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: { Jar: "command-runner.jar", Args: ARGV[kind] },
  }));
}

export async function runScenario(emu: EmulatorHandle, commands: readonly Command[]): Promise<Observed> {
  const emr = emrClient(emu.endpoint);
  const seen: Observed = {
    clusters: [],
    notAcknowledged: [],
    refusals: [],
    cancelled: new Set(),
    seen: new Map(),
    seenNames: new Set(),
    readsRefusedWhileReadOnly: 0,
    unexpected: [],
    ran: [],
  };
  let made = 0;
  const pick = (n: number) => seen.clusters[n % seen.clusters.length];
  for (const [n, command] of commands.entries()) {
    const tag = `r${n}`;
    const cluster = command.op === "run" || command.op === "settle" ? undefined : pick(command.cluster);
    if (command.op !== "run" && command.op !== "settle" && !cluster) continue;
    if (command.op === "settle") {
      await settle(emu, emr, seen);
      continue;
    }
    const names =
      command.op === "run"
        ? [`c${made}`, ...steps(command.steps, `c${made}/${tag}`).map((s) => s.Name!)]
        : command.op === "add"
          ? steps(command.steps, `${cluster!.name}/${tag}`).map((s) => s.Name!)
          : [];
    try {
      if (command.op === "run") {
        const name = `c${made++}`;
        const out = await emr.send(
          new RunJobFlowCommand({
            Name: name,
            Instances: { KeepJobFlowAliveWhenNoSteps: true },
            Steps: steps(command.steps, `${name}/${tag}`),
          }),
        );
        const listed = await listAllSteps(emr, out.JobFlowId!).catch(() => undefined);
        const ids = listed ? listed.reverse().map((s) => ({ id: s.Id!, name: s.Name! })) : [];
        seen.clusters.push({
          id: out.JobFlowId!,
          name,
          level: 1,
          terminated: false,
          steps: command.steps.map((kind, i) => ({ kind, id: ids[i]?.id ?? "", name: names[i + 1]! })),
        });
      } else if (command.op === "add") {
        const sent = steps(command.steps, `${cluster!.name}/${tag}`);
        const { StepIds } = await emr.send(new AddJobFlowStepsCommand({ JobFlowId: cluster!.id, Steps: sent }));
        StepIds!.forEach((id, i) => void cluster!.steps.push({ id, name: sent[i]!.Name!, kind: command.steps[i]! }));
      } else if (command.op === "modify") {
        await emr.send(new ModifyClusterCommand({ ClusterId: cluster!.id, StepConcurrencyLevel: command.level }));
        cluster!.level = command.level;
      } else if (command.op === "cancel") {
        const step = cluster!.steps[command.step % Math.max(1, cluster!.steps.length)];
        if (!step?.id) continue;
        const { CancelStepsInfoList } = await emr.send(
          new CancelStepsCommand({
            ClusterId: cluster!.id,
            StepIds: [step.id],
            StepCancellationOption: "TERMINATE_PROCESS",
          }),
        );
        if (CancelStepsInfoList?.[0]?.Status === "SUBMITTED") seen.cancelled.add(step.id);
      } else {
        await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [cluster!.id] }));
        cluster!.terminated = true;
      }
    } catch (error) {
      seen.notAcknowledged.push(...names);
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      const text = `${e.$metadata?.httpStatusCode} ${e.name}: ${e.message}`;
      // EMR's own refusals (adding to a terminated cluster) change nothing either; a 500 must be the emulator's.
      if (e.$metadata?.httpStatusCode === 500 && e.name === "InternalServerError") seen.refusals.push(text);
      else if (e.name !== "ValidationException") seen.unexpected.push(`${command.op}: ${text}`);
    }
    await read(emu, emr, seen);
  }
  await settle(emu, emr, seen);
  for (const c of seen.clusters) {
    const dir = join(emu.logRoot, c.id, "steps");
    if (existsSync(dir)) seen.ran.push(...readdirSync(dir));
  }
  emr.destroy();
  return seen;
}

/** Every acknowledged cluster's steps and state, read as a client would; what a 200 showed is recorded. */
async function read(emu: EmulatorHandle, emr: EMRClient, seen: Observed): Promise<void> {
  for (const c of seen.clusters) {
    const readOnlyBefore = emu.readOnly !== undefined;
    try {
      const { Cluster } = await emr.send(new DescribeClusterCommand({ ClusterId: c.id }));
      seen.seen.set(c.id, Cluster!.Status!.State!);
      seen.seenNames.add(Cluster!.Name!);
      for (const s of await listAllSteps(emr, c.id)) {
        seen.seen.set(s.Id!, s.Status!.State!);
        seen.seenNames.add(s.Name!);
      }
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      if (readOnlyBefore) seen.readsRefusedWhileReadOnly++;
      // A read is refused only when the fsync that was to cover what it showed failed.
      else if (!/fsync/.test(e.message))
        seen.unexpected.push(`read: ${e.$metadata?.httpStatusCode} ${e.name}: ${e.message}`);
    }
  }
}

/**
 * Until nothing moves: no short step running, no cluster between states, and nothing changed over three reads in a
 * row (a step pending behind a long one stays so); or the emulator is read-only (nothing moves then); at most 3 s.
 */
async function settle(emu: EmulatorHandle, emr: EMRClient, seen: Observed): Promise<void> {
  const until = Date.now() + 3000;
  let last = "";
  let same = 0;
  while (Date.now() < until && !emu.readOnly) {
    await read(emu, emr, seen);
    const now = JSON.stringify([...seen.seen]);
    same = now === last ? same + 1 : 0;
    last = now;
    const busy = seen.clusters.some(
      (c) =>
        ["STARTING", "BOOTSTRAPPING", "TERMINATING"].includes(seen.seen.get(c.id) ?? "") ||
        c.steps.some(
          (s) => seen.seen.get(s.id) === "CANCEL_PENDING" || (seen.seen.get(s.id) === "RUNNING" && s.kind !== "long"),
        ),
    );
    if (!busy && same >= 2) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
