/**
 * `emrkit local --pass-env NAME --set-env NAME=VALUE`, through the built CLI: a step sees the variables passed and
 * set and nothing else of the CLI's environment; a bad name or a `--set-env` without `=` is a usage error (exit 2)
 * that names the option, never echoing a value.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "./support/built-cli.js";
import { emrkit, startCli, waitFor } from "./support/run-cli.js";

let dir: string;
beforeAll(async () => {
  await builtCli();
  dir = mkdtempSync(join(tmpdir(), "emrkit-cli-env-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call(endpoint: string, operation: string, body: unknown) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "x-amz-target": `ElasticMapReduce.${operation}`, "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the answer of an operation the test names.
  return (await res.json()) as Record<string, any>;
}

describe("emrkit local --pass-env / --set-env", () => {
  it("a step sees what is passed through and set (set wins), and nothing else of the host", async () => {
    const dataDir = join(dir, "data");
    const local = startCli(
      [
        "local",
        "--data-dir",
        dataDir,
        "--pass-env",
        "EMRKIT_T_PASSED",
        "--pass-env",
        "EMRKIT_T_BOTH",
        "--set-env",
        "EMRKIT_T_SET=a=b c",
        "--set-env",
        "EMRKIT_T_BOTH=from-flag",
      ],
      { EMRKIT_T_PASSED: "from-host", EMRKIT_T_BOTH: "from-host", EMRKIT_T_HIDDEN: "hunter2" },
    );
    try {
      const [endpoint] = await waitFor(local.stdout, /^http:\/\/127\.0\.0\.1:\d+$/m);
      const { JobFlowId } = await call(endpoint, "RunJobFlow", {
        Name: "env",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
      });
      const script = 'echo "$EMRKIT_T_PASSED|$EMRKIT_T_SET|$EMRKIT_T_BOTH|$EMRKIT_T_HIDDEN"';
      const { StepIds } = await call(endpoint, "AddJobFlowSteps", {
        JobFlowId,
        Steps: [{ Name: "env", HadoopJarStep: { Jar: "command-runner.jar", Args: ["sh", "-c", script] } }],
      });
      const step = (StepIds as string[])[0]!;
      let state = "";
      for (let tries = 0; tries < 400 && state !== "COMPLETED"; tries++) {
        const { Step } = await call(endpoint, "DescribeStep", { ClusterId: JobFlowId, StepId: step });
        state = (Step as { Status: { State: string } }).Status.State;
        if (state === "FAILED") break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(state).toBe("COMPLETED");
      const stdout = readFileSync(join(dataDir, "logs", JobFlowId, "steps", step, "stdout"), "utf8");
      expect(stdout).toBe("from-host|a=b c|from-flag|\n");
    } finally {
      local.child.kill("SIGTERM");
      await local.exit;
    }
  }, 30_000);

  it("refuses a name that is not a variable name, and --set-env without =, naming the option (exit 2)", async () => {
    const badPass = await emrkit(["local", "--pass-env", "1BAD"]);
    expect(badPass.code).toBe(2);
    expect(badPass.stderr.trim()).toBe(
      'emrkit: --pass-env takes a variable name (letters, digits and _, not starting with a digit), not "1BAD"',
    );
    const noEquals = await emrkit(["local", "--set-env", "TOKEN"]);
    expect(noEquals.code).toBe(2);
    expect(noEquals.stderr.trim()).toBe('emrkit: --set-env takes NAME=VALUE, but "TOKEN" has no "="');
    const badName = await emrkit(["local", "--set-env", "A-B=hunter2"]);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/--set-env takes NAME=VALUE with a variable name before the "=".*not "A-B"/);
    expect(badName.stderr).not.toContain("hunter2");
  }, 30_000);

  it("warns of a name passed through that is not set here, and says so in --help", async () => {
    const local = startCli(["local", "--pass-env", "EMRKIT_T_UNSET"]);
    try {
      await waitFor(local.stdout, /^http:/m);
      expect(local.stderr()).toContain(
        "emrkit local: --pass-env EMRKIT_T_UNSET: not set here, so steps will not have it",
      );
    } finally {
      local.child.kill("SIGTERM");
      await local.exit;
    }
    const help = await emrkit(["local", "--help"]);
    expect(help.stdout).toMatch(/--pass-env <name>\s+let steps see this variable/);
    expect(help.stdout).toMatch(/--set-env <name=value>\s+set this variable for every step/);
  }, 30_000);
});
