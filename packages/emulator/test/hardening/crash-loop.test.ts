/**
 * kill -9 in a loop: the emulator runs as its own process while concurrent SDK clients add small steps to a few
 * clusters and steps run; it is killed at a random moment, restarted on the same data directory, checked, and
 * the traffic goes on, round after round. After every restart: each acknowledged step is listed exactly once, in
 * its request's order; no id twice; every state one EMR shows; a step running at the crash has ended (FAILED,
 * saying why) and nothing that was seen ended comes back otherwise.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  DescribeClusterCommand,
  type EMRClient,
  ListStepsCommand,
  RunJobFlowCommand,
  type StepConfig,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { tempDir } from "../temp-dir.js";
import { emrClient, listAllSteps, type ServeProcess, STRESS, serveProcess, sleep } from "./harness.js";

const ROUNDS = STRESS ? 60 : 5;
const WORKERS = STRESS ? 8 : 4;
const STEP_STATES = ["PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"];
const ENDED = new Set(["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"]);
const ALIVE_CLUSTER = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"];

interface Ack {
  cluster: string;
  ids: string[];
}

/** What the clients saw, across every round. */
class Observed {
  readonly acks: Ack[] = [];
  /** Steps of requests that got no answer (the server died under them): each may or may not have been stored. */
  unknownSteps = 0;
  /** Steps of requests refused for the 256-active-step limit: never stored. */
  refusedSteps = 0;
  /** The last state a ListSteps showed for each step, before the current kill. */
  readonly seen = new Map<string, string>();
  readonly unexpected: string[] = [];
  killedAt = 0;
}

const random = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;

/** Steps named `<request>:<index>/<count>`, so that a request's steps can be found whether it was answered or not. */
function steps(n: number, tag: string, padding = 0): StepConfig[] {
  return Array.from({ length: n }, (_, i) => ({
    Name: `${tag}:${i}/${n}`,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: {
      Jar: "command-runner.jar",
      Args: [...(random(2) ? ["true"] : ["sleep", "0.05"]), ...(padding ? ["x".repeat(padding)] : [])],
    },
  }));
}

/** One client: adds 1–4 steps at a time (sometimes 20) to a random cluster, sometimes lists one, until told to stop. */
async function client(
  endpoint: string,
  clusters: readonly string[],
  record: Observed,
  stop: { now: boolean },
  tag: string,
) {
  const emr = emrClient(endpoint);
  for (let n = 0; !stop.now; n++) {
    const cluster = pick(clusters);
    // One request in twenty is big (20 steps, ~60 KB in the journal): a write of many pages, which a kill can cut.
    const big = random(20) === 0;
    const count = big ? 20 : 1 + random(4);
    try {
      if (random(5) === 0) {
        const { Steps = [] } = await emr.send(new ListStepsCommand({ ClusterId: cluster }));
        if (!stop.now) for (const s of Steps) record.seen.set(s.Id!, s.Status!.State!);
        continue;
      }
      const { StepIds } = await emr.send(
        new AddJobFlowStepsCommand({ JobFlowId: cluster, Steps: steps(count, `${tag}-${n}`, big ? 3_000 : 0) }),
      );
      record.acks.push({ cluster, ids: StepIds! });
    } catch (error) {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } };
      if (e.$metadata?.httpStatusCode === undefined && stop.now) record.unknownSteps += count;
      else if (e.name === "ValidationException" && /Maximum number of active steps/.test(e.message)) {
        record.refusedSteps += count;
      } else record.unexpected.push(`${e.name}: ${e.message} (status ${e.$metadata?.httpStatusCode})`);
    }
    await sleep(10 + random(40));
  }
  emr.destroy();
}

/** Everything a restart must give back; returns how many steps it found cut short (FAILED by the restart). */
async function verify(emr: EMRClient, clusters: readonly string[], record: Observed, restartedAt: number) {
  const everywhere = new Set<string>();
  const owner = new Map<string, string>();
  let interrupted = 0;
  let duplicates = 0;
  let partial = 0;
  const listed = new Map<string, { state: string; index: number }>();
  for (const cluster of clusters) {
    const { Cluster } = await emr.send(new DescribeClusterCommand({ ClusterId: cluster }));
    expect(ALIVE_CLUSTER).toContain(Cluster!.Status!.State);
    const all = (await listAllSteps(emr, cluster)).reverse();
    // A request is all or nothing, answered or not: all its steps, side by side, in its order.
    const requests = new Map<string, { count: number; starts: Set<number>; found: number }>();
    all.forEach((s, index) => {
      const [, request = "", i = "0", count = "0"] = /^(.*):(\d+)\/(\d+)$/.exec(s.Name!) ?? [];
      const r = requests.get(request) ?? { count: Number(count), starts: new Set<number>(), found: 0 };
      r.starts.add(index - Number(i));
      r.found++;
      requests.set(request, r);
    });
    for (const r of requests.values()) if (r.found !== r.count || r.starts.size !== 1) partial++;
    all.forEach((s, index) => {
      const id = s.Id!;
      if (everywhere.has(id)) duplicates++;
      everywhere.add(id);
      owner.set(id, cluster);
      listed.set(id, { state: s.Status!.State!, index });
      expect(STEP_STATES).toContain(s.Status!.State);
      const started = s.Status!.Timeline?.StartDateTime?.getTime();
      if (s.Status!.State === "RUNNING") {
        // Running now means started by this process: nothing that ran before the crash is run again.
        expect(started, `${id} RUNNING since before the restart`).toBeGreaterThanOrEqual(restartedAt);
      }
      // Cut short by a crash: FAILED, saying so (a padded `sleep 0.05 xxx…` fails on its own, with exit code 1).
      if (s.Status!.State === "FAILED" && /emulator stopped/.test(s.Status!.StateChangeReason?.Message ?? "")) {
        interrupted++;
        expect(s.Status!.FailureDetails?.Reason).toBe("The emulator stopped while the step was running");
        expect(started).toBeLessThanOrEqual(record.killedAt);
      }
      // Nothing cancels steps or ends these clusters.
      expect(["CANCELLED", "CANCEL_PENDING"]).not.toContain(s.Status!.State);
    });
  }
  let lost = 0;
  let acknowledged = 0;
  for (const ack of record.acks) {
    acknowledged += ack.ids.length;
    const where = ack.ids.map((id) => (owner.get(id) === ack.cluster ? listed.get(id)!.index : -1));
    lost += where.filter((i) => i < 0).length;
    // A request's steps, in its order and side by side: one request is one append.
    if (!where.includes(-1)) expect(where).toEqual(where.map((_, k) => where[0]! + k));
  }
  for (const [id, before] of record.seen) {
    const after = listed.get(id)?.state;
    if (ENDED.has(before)) expect(after, `${id} was ${before}`).toBe(before);
    if (before === "RUNNING") expect(ENDED, `${id} was RUNNING, is ${after}`).toContain(after);
  }
  const extra = everywhere.size - (acknowledged - lost);
  return { lost, duplicates, partial, interrupted, acknowledged, extra };
}

describe("kill -9 in a loop", () => {
  it(`keeps every acknowledged step exactly once through ${ROUNDS} kills under load`, async () => {
    const dataDir = tempDir("emrkit-crash-loop-");
    let server: ServeProcess = await serveProcess(dataDir);
    const record = new Observed();
    const figures = {
      kills: 0,
      requestsAcknowledged: 0,
      stepsAcknowledged: 0,
      stepsLost: 0,
      duplicates: 0,
      partialRequests: 0,
    };
    const more = { interruptedSeen: 0, unknownOutcomeSteps: 0, refusedSteps: 0, extraStepsFromUnanswered: 0 };
    try {
      const setup = emrClient(server.endpoint);
      const clusters: string[] = [];
      for (const level of [1, 2, 3]) {
        const out = await setup.send(
          new RunJobFlowCommand({
            Name: `crash loop ${level}`,
            ReleaseLabel: "emr-7.0.0",
            Instances: { KeepJobFlowAliveWhenNoSteps: true },
            StepConcurrencyLevel: level,
          }),
        );
        clusters.push(out.JobFlowId!);
      }
      setup.destroy();
      for (let round = 0; round < ROUNDS; round++) {
        const stop = { now: false };
        const clients = Array.from({ length: WORKERS }, (_, w) =>
          client(server.endpoint, clusters, record, stop, `r${round}w${w}`),
        );
        // Sometimes right after the start (recovery may still be writing), mostly in the thick of the traffic.
        await sleep(random(10) === 0 ? random(30) : 80 + random(400));
        stop.now = true;
        record.killedAt = Date.now();
        await server.kill9();
        figures.kills++;
        await Promise.all(clients);
        const restartedAt = Date.now();
        server = await serveProcess(dataDir);
        const emr = emrClient(server.endpoint);
        const found = await verify(emr, clusters, record, restartedAt);
        emr.destroy();
        figures.stepsLost = found.lost;
        figures.duplicates = found.duplicates;
        figures.partialRequests = found.partial;
        more.interruptedSeen = found.interrupted;
        more.extraStepsFromUnanswered = found.extra;
        expect(found.lost).toBe(0);
        expect(found.duplicates).toBe(0);
        expect(found.partial, "requests with only some of their steps stored").toBe(0);
        // Steps no one acknowledged may exist, but only as many as went unanswered.
        expect(found.extra).toBeGreaterThanOrEqual(0);
        expect(found.extra).toBeLessThanOrEqual(record.unknownSteps);
        expect(record.unexpected).toEqual([]);
        record.seen.clear();
      }
    } finally {
      figures.requestsAcknowledged = record.acks.length;
      figures.stepsAcknowledged = record.acks.reduce((n, a) => n + a.ids.length, 0);
      more.unknownOutcomeSteps = record.unknownSteps;
      more.refusedSteps = record.refusedSteps;
      console.log(`crash-loop figures${STRESS ? " (stress)" : ""}: ${JSON.stringify({ ...figures, ...more })}`);
      server.child.kill("SIGTERM");
      await server.exit;
    }
  }, 600_000);

  // Found at 8532dc0: the journal opened journal.jsonl with "a+" and appended after whatever was there. Replay
  // skipped a torn last line (a crash in the middle of a write), as the journal promised, but the first record
  // written after the restart landed on the same line as the fragment, and the next replay skipped that line too:
  // here an acknowledged step, gone after one more restart.
  it("keeps an acknowledged step written just after a torn journal line", async () => {
    const dataDir = tempDir("emrkit-torn-");
    // A cluster that stays STARTING writes nothing on its own: the request's step is the first record after the tear.
    const start = () => startEmulator({ dataDir, clusterStartupMs: 600_000 });
    let emu = await start();
    const { JobFlowId } = await emrClient(emu.endpoint).send(
      new RunJobFlowCommand({ Name: "torn", Instances: { KeepJobFlowAliveWhenNoSteps: true } }),
    );
    await emu.close();
    appendFileSync(join(dataDir, "journal.jsonl"), '{"kind":"step","id":"s-TORNTORNTORN","clust');
    emu = await start();
    const { StepIds } = await emrClient(emu.endpoint).send(
      new AddJobFlowStepsCommand({ JobFlowId, Steps: steps(1, "after the tear") }),
    );
    await emu.close();
    emu = await start();
    try {
      expect((await listAllSteps(emrClient(emu.endpoint), JobFlowId!)).map((s) => s.Id)).toEqual(StepIds);
    } finally {
      await emu.close();
    }
  });

  // Found at 8532dc0: one request's steps were appended as one line per step in a single write. A crash that cut
  // that write between two lines (kill -9 can stop a write of several pages part way; so can a power cut) left the
  // first steps of a request that was never answered, and the restart ran them, where EMR's AddJobFlowSteps is all
  // or nothing. The cuts are made here by hand, wherever such a crash could leave the file: after every byte that
  // ends a line of the request's write, and at a few bytes inside lines.
  it("stores all of a request's steps or none, wherever a crash cut the journal write", async () => {
    const dataDir = tempDir("emrkit-cut-");
    const start = () => startEmulator({ dataDir, clusterStartupMs: 600_000 });
    let emu = await start();
    const emr = emrClient(emu.endpoint);
    const { JobFlowId } = await emr.send(
      new RunJobFlowCommand({ Name: "cut", Instances: { KeepJobFlowAliveWhenNoSteps: true } }),
    );
    const journal = join(dataDir, "journal.jsonl");
    const beforeRequest = readFileSync(journal);
    await emr.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: steps(3, "cut") }));
    await emu.close();
    const write = readFileSync(journal).subarray(beforeRequest.length);
    const lineEnds = [...write.keys()].filter((i) => write[i] === 0x0a).map((i) => i + 1);
    const cuts = [...new Set([...lineEnds, 1, 20, write.length >> 1, write.length - 1])].sort((x, y) => x - y);
    const found: number[] = [];
    for (const cut of cuts) {
      writeFileSync(journal, Buffer.concat([beforeRequest, write.subarray(0, cut)]));
      emu = await start();
      try {
        found.push((await listAllSteps(emrClient(emu.endpoint), JobFlowId!)).length);
      } finally {
        await emu.close();
      }
    }
    expect(
      found.every((n) => n === 0 || n === 3),
      `steps found after cuts at ${cuts}: ${found}`,
    ).toBe(true);
    expect(found[found.length - 1]).toBe(3);
  });
});
