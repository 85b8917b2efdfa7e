import { describe, expect, it } from "vitest";
import { TEST_KEYS as keys, sharedCluster } from "./support/emulator.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { jsonOutput } from "./support/output-schema.js";
import { emrkit, startCli, waitFor } from "./support/run-cli.js";

const { file } = fixtures();
const shared = sharedCluster();
const onCluster = (...args: string[]) => shared.submitArgs(...args);

describe.concurrent("emrkit submit --json: one shape, checked against the shipped schema", () => {
  it("success: every step with its id, name, state, and counts that add up", async () => {
    const steps = file("ok.json", [cliStep("one", ["true"]), cliStep("two", ["echo", "2"])]);
    const result = await emrkit(["submit", steps, "--local", "--json"]);
    expect(result.code).toBe(0);
    const json = jsonOutput(result.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, command: "submit", ok: true, local: true, waited: true });
    expect(json.steps.map((s: { name: string; state: string }) => [s.name, s.state])).toEqual([
      ["one", "COMPLETED"],
      ["two", "COMPLETED"],
    ]);
    expect(json.counts).toEqual({
      total: 2,
      submitted: 2,
      completed: 2,
      failed: 0,
      cancelled: 0,
      interrupted: 0,
      notSubmitted: 0,
    });
  });

  it("step failure: exit 1, with the reason, the probable cause and the log", async () => {
    const boom = file("boom.json", [cliStep("boom", ["node", "-e", "throw new TypeError('bad row')"])]);
    const result = await emrkit(["submit", boom, "--local", "--json"]);
    expect(result.code).toBe(1);
    const json = jsonOutput(result.stdout);
    expect(json.ok).toBe(false);
    expect(json.steps[0]).toMatchObject({
      state: "FAILED",
      failure: {
        message: expect.any(String),
        logFile: expect.stringMatching(/stderr$/),
        probableCause: { summary: "TypeError: bad row" },
      },
    });
  });

  it("invalid file: exit 3 and { ok: false, error } on stdout, with the issues and their places", async () => {
    const bad = file("bad.json", [{ Type: "Spark", Name: "s", ActionOnfailure: "CONTINUE", Args: ["a.py"] }]);
    const result = await emrkit(["submit", bad, "--local", "--json"]);
    expect(result.code).toBe(3);
    const json = jsonOutput(result.stdout);
    expect(json).toMatchObject({ ok: false, exitCode: 3, error: { kind: "invalid-input", file: bad } });
    expect(json.error.issues[0]).toMatchObject({ path: "[0].ActionOnfailure", suggestion: "ActionOnFailure", line: 5 });
    const unreadable = await emrkit(["submit", file("cut.json", "[{"), "--local", "--json"]);
    expect(jsonOutput(unreadable.stdout).error).toMatchObject({ kind: "file", line: 1, column: 3 });
  });

  it("preflight refusal: exit 4, nothing sent, the issue on stdout", async () => {
    // CANCEL_AND_WAIT on a cluster running two steps at once: AddJobFlowSteps would refuse it (API ref, StepConfig).
    const waits = file("waits.json", [cliStep("w", ["true"], { ActionOnFailure: "CANCEL_AND_WAIT" })]);
    const result = await emrkit(["submit", waits, "--local", "--step-concurrency", "2", "--json"]);
    expect(result.code).toBe(4);
    const json = jsonOutput(result.stdout);
    expect(json.error.kind).toBe("refused");
    // Placed in the file as written: the entry's own key, the line and column of its value.
    expect(json.error.issues).toEqual([
      expect.objectContaining({
        code: "action-on-failure-with-concurrency",
        path: "[0].ActionOnFailure",
        line: 5,
        column: 24,
      }),
    ]);
  });
});

describe.concurrent("emrkit submit", () => {
  it("runs a 600-step file to the end, through the runtime's chunks of at most 256", async () => {
    const many = file(
      "many.json",
      Array.from({ length: 600 }, (_, i) => cliStep(`s${i}`, ["true"])),
    );
    const result = await emrkit(["submit", many, "--local", "--step-concurrency", "256", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const json = jsonOutput(result.stdout);
    expect(json.counts).toMatchObject({ total: 600, submitted: 600, completed: 600 });
  }, 60_000);

  it("--no-wait submits, prints the step ids and exits 0 while they run; plain and JSON", async () => {
    // Still running when the test ends: the emulator stops it as it closes.
    const slow = file("no-wait.json", [cliStep("later", ["sleep", "20"])]);
    const plain = await emrkit(onCluster(slow, "--no-wait"), keys);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^s-[A-Z0-9]+ {2}later\n$/);
    expect(plain.stderr).toContain(`submitted 1 step to ${shared.cluster.clusterId}; not waiting for them`);
    const json = jsonOutput((await emrkit([...onCluster(slow, "--no-wait"), "--json"], keys)).stdout);
    expect(json).toMatchObject({ ok: true, waited: false, counts: { total: 1, submitted: 1 } });
    const ours = (await shared.cluster.steps()).filter((s) => s.Name === "later");
    expect(ours.map((s) => s.Id)).toEqual([plain.stdout.split(" ")[0], json.steps[0].id]);
    expect(ours.every((s) => s.Status?.State !== "COMPLETED")).toBe(true);
  });

  it("--idempotency-key: a second run with the key follows the steps the first added instead of adding them again", async () => {
    const keyed = file("keyed.json", [cliStep("keyed-a", ["true"]), cliStep("keyed-b", ["true"])]);
    const key = `cli-test/${Date.now()}`;
    const first = await emrkit([...onCluster(keyed, "--no-wait"), "--idempotency-key", key], keys);
    expect(first.code, first.stderr).toBe(0);
    const again = await emrkit([...onCluster(keyed), "--idempotency-key", key, "--json"], keys);
    expect(again.code, again.stderr).toBe(0);
    const ids = first.stdout
      .trim()
      .split("\n")
      .map((line) => line.split(" ")[0]);
    expect(jsonOutput(again.stdout).steps.map((s: { id: string }) => s.id)).toEqual(ids);
    expect((await shared.cluster.steps()).filter((s) => s.Name?.startsWith("keyed-"))).toHaveLength(2);
  });

  it("exit codes: 2 for options that do not go together, before anything runs", async () => {
    const steps = file("usage.json", [cliStep("u", ["true"])]);
    const cases = [
      ["submit", steps],
      ["submit", steps, "--local", "--cluster", "j-1"],
      ["submit", steps, "--local", "--no-wait"],
      ["submit", steps, "--cluster", "j-1", "--keep"],
      ["submit", steps, "--local", "--poll-interval", "soon"],
      ["submit", steps, "--unknown-option"],
      ["submit"],
    ];
    const results = await Promise.all(cases.map((args) => emrkit(args)));
    results.forEach((result, i) => {
      expect([cases[i], result.code]).toEqual([cases[i], 2]);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    });
    const json = await emrkit(["submit", steps, "--json"]);
    expect(jsonOutput(json.stdout).error).toEqual({
      kind: "usage",
      message: `give --cluster j-… or --local: ${steps} names no cluster`,
    });
  });
});

describe.concurrent("a running submit", () => {
  it("shows step names, states and a summary in plain lines when standard error is no terminal", async () => {
    const steps = file("plain.json", [cliStep("first", ["sleep", "0.3"]), cliStep("second", ["true"])]);
    const run = startCli(["submit", steps, "--local"]);
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/^submitted 2 steps$/m);
    expect(run.stderr()).toMatch(
      /^\S+Z first \(s-\w+\) RUNNING\n(.*\n)?\S+Z first \(s-\w+\) COMPLETED after \d\.\ds$/m,
    );
    expect(run.stderr()).not.toMatch(/\x1b\[/);
    expect(run.stdout()).toMatch(/\n2 steps: 2 completed · \d+\.\ds\n$/);
    await waitFor(run.stdout, /COMPLETED {3}s-\w+ {2}first/);
  });
});
