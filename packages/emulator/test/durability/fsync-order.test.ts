/**
 * The order of things, seen through the journal's fs seam: no answer (to a change, or to a read that saw one) and no
 * step's process before the fsync that covers it; a new journal's directory fsynced before its first line; a refused
 * request and a read-only emulator answering with EMR's InternalServerError, saying why.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal } from "../../src/emr/journal.js";
import { type EmulatorHandle, startEmulator } from "../../src/index.js";
import { type Answer, post, sleep } from "../hardening/harness.js";
import { tempDir } from "../temp-dir.js";
import { FaultyFs } from "./faulty-fs.js";

const open: EmulatorHandle[] = [];
async function emulator(fs: FaultyFs, dataDir = tempDir("emrkit-fsync-order-")) {
  const emu = await startEmulator({ dataDir, clusterStartupMs: 0, journalFs: fs });
  open.push(emu);
  return emu;
}

const step = (args: string[]) => ({
  Name: "s",
  ActionOnFailure: "CONTINUE",
  HadoopJarStep: { Jar: "command-runner.jar", Args: args },
});

async function call(emu: EmulatorHandle, operation: string, body: unknown): Promise<Answer> {
  return post(emu.endpoint, operation, JSON.stringify(body));
}

async function waitingCluster(emu: EmulatorHandle): Promise<string> {
  const made = await call(emu, "RunJobFlow", { Name: "c", Instances: { KeepJobFlowAliveWhenNoSteps: true } });
  const id = JSON.parse(made.text).JobFlowId as string;
  for (;;) {
    const { text } = await call(emu, "DescribeCluster", { ClusterId: id });
    if (JSON.parse(text).Cluster.Status.State === "WAITING") return id;
    await sleep(5);
  }
}

/** Paths, ids and times out of a message, so that it can be a snapshot. */
const plain = (text: string) =>
  text
    .replace(/\/[^\s)]*journal\.jsonl/g, "<dataDir>/journal.jsonl")
    .replace(/\b[sj]-[A-Z0-9]{13}\b/g, "<id>")
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>");

describe("what waits for the fsync", () => {
  it("answers a change, and a read that saw it, only after the fsync that covers them has finished", async () => {
    const fs = new FaultyFs();
    const emu = await emulator(fs);
    const id = await waitingCluster(emu);
    fs.hold();
    const from = fs.log.length;
    const answered = (what: string) => (a: Answer) => {
      fs.log.push(what);
      return a;
    };
    const added = call(emu, "AddJobFlowSteps", { JobFlowId: id, Steps: [step(["true"])] }).then(answered("added"));
    await sleep(20);
    const listed = call(emu, "ListSteps", { ClusterId: id }).then(answered("listed"));
    await sleep(200);
    expect(fs.log.slice(from)).not.toContain("added");
    expect(fs.log.slice(from)).not.toContain("listed");
    fs.letGo();
    expect((await added).status).toBe(200);
    expect((await listed).status).toBe(200);
    const after = fs.log.slice(from);
    expect(after.indexOf("fsync done")).toBeGreaterThan(-1);
    expect(after.indexOf("added")).toBeGreaterThan(after.indexOf("fsync done"));
    expect(after.indexOf("listed")).toBeGreaterThan(after.indexOf("fsync done"));
  });

  it("starts a step's process only once its RUNNING is on disk", async () => {
    const fs = new FaultyFs();
    const emu = await emulator(fs);
    const id = await waitingCluster(emu);
    fs.hold();
    const added = call(emu, "AddJobFlowSteps", { JobFlowId: id, Steps: [step(["true"])] });
    await sleep(300);
    // The executor makes a step's log directory before anything else.
    expect(existsSync(join(emu.logRoot, id, "steps"))).toBe(false);
    fs.letGo();
    const [stepId] = JSON.parse((await added).text).StepIds as string[];
    for (;;) {
      const { text } = await call(emu, "DescribeStep", { ClusterId: id, StepId: stepId });
      if (JSON.parse(text).Step.Status.State === "COMPLETED") break;
      await sleep(5);
    }
    expect(existsSync(join(emu.logRoot, id, "steps", stepId!))).toBe(true);
  });

  it("fsyncs a new journal's directory, and the one holding that, before its first line; not an old journal's", async () => {
    const fs = new FaultyFs();
    const dataDir = join(tempDir("emrkit-fsync-dir-"), "data");
    mkdirSync(dataDir);
    const emu = await emulator(fs, dataDir);
    await waitingCluster(emu);
    const beforeFirstWrite = fs.log.slice(
      0,
      fs.log.findIndex((e) => e.startsWith("write")),
    );
    expect(beforeFirstWrite).toEqual(["open a+", "open r dir", "fsyncSync dir", "open r dir", "fsyncSync dir"]);
    await emu.close();
    const again = new FaultyFs();
    await emulator(again, dataDir);
    expect(again.log).not.toContain("fsyncSync dir");
  });

  it("fsyncs each directory it made for a new journal, up to the one that was there", () => {
    const fs = new FaultyFs();
    const parent = tempDir("emrkit-fsync-dir-");
    const journal = Journal.open(join(parent, "made", "data"), () => {}, fs);
    journal.close();
    // data (holds the journal), made (holds data), parent (holds made).
    expect(fs.log.filter((e) => e === "fsyncSync dir")).toHaveLength(3);
  });
});

describe("a refusal", () => {
  it("is EMR's InternalServerError naming the cause, and the emulator goes on", async () => {
    const fs = new FaultyFs();
    const emu = await emulator(fs);
    const id = await waitingCluster(emu);
    fs.fault = { on: "write", at: fs.writes + 1, kind: "short-then-ENOSPC" };
    const refused = await call(emu, "AddJobFlowSteps", { JobFlowId: id, Steps: [step(["true"])] });
    expect(refused.status).toBe(500);
    expect(plain(refused.text)).toMatchInlineSnapshot(
      `"{"__type":"InternalServerError","Message":"The request was not carried out, and nothing was changed: writing to <dataDir>/journal.jsonl failed (ENOSPC: no space left on device, write)."}"`,
    );
    expect(JSON.parse((await call(emu, "ListSteps", { ClusterId: id })).text).Steps).toEqual([]);
    expect(emu.readOnly).toBeUndefined();
    expect((await call(emu, "AddJobFlowSteps", { JobFlowId: id, Steps: [step(["true"])] })).status).toBe(200);
  });

  it("of a change the emulator makes on its own makes it read-only: changes refused, saying why; reads answered", async () => {
    const fs = new FaultyFs();
    const dataDir = tempDir("emrkit-read-only-");
    const emu = await emulator(fs, dataDir);
    const id = await waitingCluster(emu);
    // The request's own write, then the step's end.
    fs.fault = { on: "write", at: fs.writes + 2, kind: "EIO" };
    const added = await call(emu, "AddJobFlowSteps", { JobFlowId: id, Steps: [step(["true"])] });
    expect(added.status).toBe(200);
    while (!emu.readOnly) await sleep(5);
    expect(plain(emu.readOnly.reason)).toMatchInlineSnapshot(
      `"while ending <id>: writing to <dataDir>/journal.jsonl failed (EIO: i/o error, write)"`,
    );
    const refused = await call(emu, "ModifyCluster", { ClusterId: id, StepConcurrencyLevel: 2 });
    expect(refused.status).toBe(500);
    expect(plain(refused.text)).toMatchInlineSnapshot(
      `"{"__type":"InternalServerError","Message":"The emulator is read-only since <time>, while ending <id>: writing to <dataDir>/journal.jsonl failed (EIO: i/o error, write). It changes nothing more until it is restarted (with room on its disk); reads still work."}"`,
    );
    const listed = await call(emu, "ListSteps", { ClusterId: id });
    expect(listed.status).toBe(200);
    // Its end could not be written, so it is still running as far as anyone can tell; a restart ends it FAILED.
    expect(JSON.parse(listed.text).Steps.map((s: { Status: { State: string } }) => s.Status.State)).toEqual([
      "RUNNING",
    ]);
    await emu.close();
    const again = await emulator(new FaultyFs(), dataDir);
    expect(again.readOnly).toBeUndefined();
    const after = JSON.parse((await call(again, "ListSteps", { ClusterId: id })).text);
    expect(after.Steps.map((s: { Status: { State: string } }) => s.Status.State)).toEqual(["FAILED"]);
  });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});
