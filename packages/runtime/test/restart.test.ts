/**
 * Exactly once across processes: a pipeline run with an idempotency key is `kill -9`ed at a chosen moment (before
 * anything is sent, after a commit whose answer it never read, between the chunks of a 600-step request, while
 * following), and a second process with the same key completes the run: every step on the cluster exactly once.
 * `pnpm stress` kills one run at random moments 200 times over.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emulatorPerTest, type Opened } from "./support/emulator.js";

const open = emulatorPerTest();
const CHILD = fileURLToPath(new URL("./support/keyed-run-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const STRESS = process.env.EMRKIT_STRESS === "1";

interface Line {
  event?: string;
  state?: string;
  operation?: string;
  steps?: number;
  result?: { ok: boolean; ids: string[] };
}

/** The child running the keyed pipeline; `killWhen` sees each line and says when to `kill -9` it. */
function pipeline(opened: Opened, clusterId: string, steps: number, killWhen: (line: Line) => boolean) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--conditions=@emrkit/source", CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      EMRKIT_TEST_ENDPOINT: opened.emulator.endpoint,
      EMRKIT_TEST_CLUSTER: clusterId,
      EMRKIT_TEST_KEY: `nightly/${clusterId}`,
      EMRKIT_TEST_STEPS: String(steps),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const lines: Line[] = [];
  createInterface({ input: child.stdout! }).on("line", (text) => {
    const line = JSON.parse(text) as Line;
    lines.push(line);
    if (killWhen(line)) child.kill("SIGKILL");
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, exited, stderr: () => stderr };
}

/** Runs the pipeline to its end without killing it: its result line. */
async function complete(opened: Opened, clusterId: string, steps: number) {
  const run = pipeline(opened, clusterId, steps, () => false);
  const { code } = await run.exited;
  expect(code, run.stderr()).toBe(0);
  return { result: run.lines.at(-1)?.result, lines: run.lines };
}

async function expectExactlyOnce(opened: Opened, clusterId: string, steps: number, ids: string[] | undefined) {
  const all = await opened.allSteps(clusterId);
  expect(all.map((s) => s.Name)).toEqual(Array.from({ length: steps }, (_, i) => `step-${i}`));
  expect(all.every((s) => s.Status?.State === "COMPLETED")).toBe(true);
  expect(ids).toEqual(all.map((s) => s.Id));
}

const moments: { name: string; steps: number; fault?: true; killWhen: (line: Line) => boolean }[] = [
  { name: "before anything is sent", steps: 3, killWhen: (l) => l.event === "preflight" },
  {
    name: "after a commit whose answer it never read",
    steps: 3,
    fault: true,
    killWhen: (l) => l.event === "retry" && l.operation === "AddJobFlowSteps",
  },
  { name: "between the chunks of a 600-step request", steps: 600, killWhen: (l) => l.event === "submitted" },
  { name: "while following", steps: 3, killWhen: (l) => l.event === "step" && l.state === "COMPLETED" },
];

describe("a keyed pipeline killed and run again", () => {
  for (const moment of moments) {
    it(`kill -9 ${moment.name}: the second run completes it, every step exactly once`, async () => {
      const opened = await open();
      const clusterId = await opened.cluster();
      if (moment.fault) opened.emulator.faults.inject({ operation: "AddJobFlowSteps", action: "drop-after-commit" });
      const first = pipeline(opened, clusterId, moment.steps, moment.killWhen);
      expect((await first.exited).signal, first.stderr()).toBe("SIGKILL");
      const { result, lines } = await complete(opened, clusterId, moment.steps);
      expect(result?.ok).toBe(true);
      await expectExactlyOnce(opened, clusterId, moment.steps, result?.ids);
      // Killed after anything was sent, the second run says it resumed the first one's steps.
      if (moment.name !== "before anything is sent") expect(lines.some((l) => l.event === "resumed")).toBe(true);
    }, 120_000);
  }

  it.runIf(STRESS)(
    "200 kills at random moments of one 40-step run, then a clean run: each step exactly once",
    async () => {
      const opened = await open();
      const clusterId = await opened.cluster();
      const steps = 40;
      let kills = 0;
      let finished = false;
      while (kills < 200 && !finished) {
        // Now and then a lost answer, so that some kills land between a commit and its read-back.
        if (Math.random() < 0.2)
          opened.emulator.faults.inject({ operation: "AddJobFlowSteps", action: "drop-after-commit" });
        const after = Math.floor(Math.random() * 12);
        let seen = 0;
        const run = pipeline(opened, clusterId, steps, () => ++seen > after);
        const { signal } = await run.exited;
        if (signal === "SIGKILL") kills++;
        else finished = true;
        opened.emulator.faults.clear();
      }
      const { result } = await complete(opened, clusterId, steps);
      console.info(
        `restart stress: ${kills} kills, ${steps} steps, ${(await opened.allSteps(clusterId)).length} on the cluster`,
      );
      await expectExactlyOnce(opened, clusterId, steps, result?.ids);
    },
    1_800_000,
  );
});
