/**
 * One step's program run by the executor (executor.ts) on a real step host (step-host.ts: the folders under a data
 * directory, the step environment, the process-group files), without an emulator around it: what the controller
 * log says, what the program gets as stdin, its process group written down while it runs, and what cancelling or
 * stopping it before it started, or while it runs, leaves behind.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningStep, runStep, type StepHost } from "../src/emr/executor.js";
import { GroupFiles } from "../src/emr/group-files.js";
import type { StepRecord } from "../src/emr/records.js";
import { checkStepOptions, type OpenStepHost, openStepHost } from "../src/emr/step-host.js";
import { tempDir } from "./temp-dir.js";

const hosts: OpenStepHost[] = [];
const runs: RunningStep[] = [];
afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function host(): Promise<StepHost> {
  const dataDir = tempDir("emrkit-run-step-");
  const opened = await openStepHost(
    { dataDir, s3Root: join(dataDir, "s3"), logRoot: join(dataDir, "logs") },
    checkStepOptions({ stepKillGraceMs: 500 }),
    {
      s3: "http://127.0.0.1:9",
      emr: () => "http://127.0.0.1:9",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    },
  );
  hosts.push(opened);
  return opened.host;
}

let count = 0;
function step(args: string[]): StepRecord {
  count++;
  return {
    kind: "step",
    id: `s-RUNSTEP${count}`,
    clusterId: "j-RUNSTEP",
    index: count,
    name: `step ${count}`,
    actionOnFailure: "CONTINUE",
    jar: "command-runner.jar",
    args,
    properties: [],
    state: "RUNNING",
    created: Date.now(),
  };
}

function start(record: StepRecord, on: StepHost): RunningStep {
  const run = runStep(record, on);
  runs.push(run);
  return run;
}

const logDir = (on: StepHost, record: StepRecord) => join(on.logRoot, record.clusterId, "steps", record.id);
/** The controller log's lines without their timestamp and level. */
function controller(on: StepHost, record: StepRecord): string[] {
  const text = readFileSync(join(logDir(on, record), "controller"), "utf8");
  return text
    .trimEnd()
    .split("\n")
    .map((line) => line.replace(/^\S+ INFO /, ""));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("a step's program, run", () => {
  it("its controller log says what was started, with the argument vector, and how it exited: nothing more", async () => {
    const on = await host();
    const record = step(["sh", "-c", "exit 3"]);
    const outcome = await start(record, on).done;
    expect(outcome).toMatchObject({ ok: false, message: "Step failed with exitCode 3" });
    expect(outcome.logFile).toBe(join(logDir(on, record), "stderr"));
    expect(controller(on, record)).toEqual(["startExec 'sh -c exit 3'", "exit code 3"]);
  });

  it("gets no stdin: a program that reads it sees its end at once (a step has no terminal)", async () => {
    const on = await host();
    const run = start(step(["cat"]), on);
    const waited = new Promise<"still reading">((r) => setTimeout(() => r("still reading"), 3_000).unref());
    expect(await Promise.race([run.done.then((o) => o.ok), waited])).toBe(true);
  });

  it("while it runs, its process group is written down in the data directory, and removed once it has ended", async () => {
    const on = await host();
    const record = step(["sh", "-c", "echo $$; sleep 0.3"]);
    const run = start(record, on);
    const file = join(on.groups.dir, `${record.id}.json`);
    const stdout = join(logDir(on, record), "stdout");
    await until(() => existsSync(file) && existsSync(stdout) && readFileSync(stdout, "utf8").endsWith("\n"), "the pid");
    // The program is its group's leader (its own session): its pid is the group's id.
    const pid = Number(readFileSync(stdout, "utf8").trim());
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pgid: pid });
    expect((await run.done).ok).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it("runs even when its process group cannot be written down, and its controller log says so", async () => {
    const on = await host();
    class FullDisk extends GroupFiles {
      override record(): void {
        throw new Error("ENOSPC: no space left on device");
      }
    }
    const record = step(["true"]);
    const outcome = await start(record, { ...on, groups: new FullDisk(on.groups.dir) }).done;
    expect(outcome.ok).toBe(true);
    expect(controller(on, record)).toContainEqual(
      expect.stringMatching(/^cannot write down the step's process group \d+: ENOSPC: no space left on device$/),
    );
  });
});

describe("a step cancelled or stopped before its program started", () => {
  it("cancelled: the program never runs, and the step's stderr and controller log say it was cancelled", async () => {
    const on = await host();
    const marker = join(tempDir("emrkit-run-step-marker-"), "ran");
    const record = step(["touch", marker]);
    const run = start(record, on);
    run.cancel("SEND_INTERRUPT");
    // A stop that comes after does not change why it did not start.
    await run.stop();
    const outcome = await run.done;
    expect(outcome).toMatchObject({ ok: false, message: "Step was cancelled before it started" });
    expect(readFileSync(outcome.logFile, "utf8")).toBe("Step was cancelled before it started\n");
    expect(existsSync(marker)).toBe(false);
  });

  it("stopped: stop() resolves once the step's logs say it was stopped, the program never run", async () => {
    const on = await host();
    const marker = join(tempDir("emrkit-run-step-marker-"), "ran");
    const record = step(["touch", marker]);
    const run = start(record, on);
    await run.stop();
    expect(controller(on, record)).toEqual(["cannot run step: Step was stopped before it started"]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("a running step stopped", () => {
  it("stop() resolves once its program has ended and its logs are written, the controller's last line its end", async () => {
    const on = await host();
    const record = step(["sh", "-c", "echo started; exec sleep 30"]);
    const run = start(record, on);
    const stdout = join(logDir(on, record), "stdout");
    await until(() => existsSync(stdout) && readFileSync(stdout, "utf8") === "started\n", "the program to start");
    await run.stop();
    expect(controller(on, record).at(-1)).toBe("exit code SIGTERM");
    expect(await run.done).toMatchObject({ ok: false, message: "Step was killed by SIGTERM" });
  });
});
