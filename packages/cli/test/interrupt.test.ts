import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TEST_KEYS as keys, sharedCluster } from "./support/emulator.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { jsonOutput } from "./support/output-schema.js";
import { startCli, waitFor } from "./support/run-cli.js";

const { file } = fixtures();
const shared = sharedCluster();

/** Processes whose command line is exactly `sleep <seconds>`: a step's, told apart by its odd duration. */
function sleeping(seconds: string): string[] {
  const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return ps.split("\n").filter((line) => line.trim().endsWith(`sleep ${seconds}`));
}

describe.concurrent("Ctrl-C on a running submit", () => {
  it("--local: cancels the step through the runtime, says what it cancelled, leaves no process, exits 130", async () => {
    const steps = file("local.json", [cliStep("slow", ["sleep", "31.7"]), cliStep("after", ["true"])]);
    const run = startCli(["submit", steps, "--local", "--json"]);
    await waitFor(() => sleeping("31.7").join("\n"), /sleep/);
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toMatch(
      /^Ctrl-C: cancelling 2 steps: slow \(s-\w+\), after \(s-\w+\) \(Ctrl-C again to stop the local emulator and its steps at once\)$/m,
    );
    expect(run.stderr()).toMatch(/^cancelled 2 steps: slow \(s-\w+\), after \(s-\w+\)$/m);
    const json = jsonOutput(run.stdout());
    expect(json).toMatchObject({ ok: false, interrupted: "SIGINT", counts: { cancelled: 2 } });
    expect(json.steps.map((s: { state: string }) => s.state)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(sleeping("31.7")).toEqual([]);
  });

  it("--cluster: cancels the step on the cluster (CANCELLED there), says so, exits 130", async () => {
    const steps = file("cluster.json", [cliStep("remote", ["sleep", "32.3"])]);
    const run = startCli(shared.submitArgs(steps), keys);
    await waitFor(run.stderr, / remote \(s-\w+\) RUNNING$/m);
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    const id = /remote \((s-\w+)\) RUNNING/.exec(run.stderr())![1];
    expect(run.stderr()).toContain(
      `Ctrl-C: cancelling 1 step: remote (${id}) (Ctrl-C again to exit at once, leaving the steps running)`,
    );
    expect(run.stderr()).toContain(`cancelled 1 step: remote (${id})`);
    expect(run.stdout()).toMatch(new RegExp(`^CANCELLED +${id} {2}remote$`, "m"));
    const onCluster = (await shared.cluster.steps()).find((s) => s.Id === id);
    expect(onCluster?.Status?.State).toBe("CANCELLED");
    expect(sleeping("32.3")).toEqual([]);
  });

  it("a second Ctrl-C exits at once, naming the steps that may still run and the aws emr cancel-steps command", async () => {
    // A step that ignores SEND_INTERRUPT's SIGTERM, so that the first Ctrl-C's cancel takes a while.
    const steps = file("twice.json", [cliStep("stubborn", ["sh", "-c", 'trap "" TERM; sleep 33.1'])]);
    const run = startCli(shared.submitArgs(steps), keys);
    await waitFor(run.stderr, / stubborn \(s-\w+\) RUNNING$/m);
    const id = /stubborn \((s-\w+)\) RUNNING/.exec(run.stderr())![1];
    run.child.kill("SIGINT");
    // Signals of one kind are not queued: the second is sent once the first has been seen.
    await waitFor(run.stderr, /^Ctrl-C: cancelling/m);
    run.child.kill("SIGINT");
    const started = Date.now();
    expect(await run.exit).toBe(130);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(run.stderr()).toContain(
      [
        `exiting now: 1 step may still be running on ${shared.cluster.clusterId}: stubborn (${id})`,
        `cancel them with: aws emr cancel-steps --cluster-id ${shared.cluster.clusterId} --step-ids ${id} --region us-east-1 --endpoint-url ${shared.cluster.endpoint}`,
      ].join("\n"),
    );
    // What is left on the cluster is the emulator's to end when the file's tests are done (afterAll).
  });
});
