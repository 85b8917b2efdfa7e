/**
 * `emrkit local --tool spark-submit=/path`: the emulator the CLI runs gives a Spark step to that program, in local
 * mode; the CLI as users run it (the bin on dist), the step over HTTP with @aws-sdk/client-emr.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { AddJobFlowStepsCommand, DescribeStepCommand, EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, builtCli } from "./support/built-cli.js";
import { cliEnv } from "./support/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "emrkit-cli-tool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => builtCli(), 60_000);

describe("emrkit local --tool", () => {
  it("runs a spark-submit step with the program mapped, in local mode", async () => {
    const standIn = join(dir, "my-spark-submit");
    writeFileSync(standIn, `#!/bin/sh\nprintf '%s\\n' "$@" > "${standIn}.argv"\n`);
    chmodSync(standIn, 0o755);
    const child = spawn(
      process.execPath,
      [bin, "local", "--data-dir", join(dir, "data"), "--tool", `spark-submit=${standIn}`],
      {
        stdio: ["ignore", "pipe", "ignore"],
        env: cliEnv(),
      },
    );
    try {
      const endpoint = (await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next()).value as string;
      const emr = new EMRClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "x", secretAccessKey: "x" },
      });
      const { JobFlowId } = await emr.send(
        new RunJobFlowCommand({
          Name: "tool",
          ReleaseLabel: "emr-7.0.0",
          Instances: { KeepJobFlowAliveWhenNoSteps: true },
        }),
      );
      const { StepIds } = await emr.send(
        new AddJobFlowStepsCommand({
          JobFlowId,
          Steps: [
            {
              Name: "spark",
              HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit", "--master", "yarn", "/app.py"] },
            },
          ],
        }),
      );
      let state: string | undefined;
      do {
        await new Promise((r) => setTimeout(r, 50));
        const { Step } = await emr.send(new DescribeStepCommand({ ClusterId: JobFlowId, StepId: StepIds![0] }));
        state = Step!.Status!.State;
      } while (state === "PENDING" || state === "RUNNING");
      expect(state).toBe("COMPLETED");
      const argv = readFileSync(`${standIn}.argv`, "utf8").trimEnd().split("\n");
      expect(argv.slice(0, 2)).toEqual(["--master", "local[*]"]);
      // S3A pointed at the emulator's own S3 endpoint, which every step is given.
      expect(argv).toContainEqual(
        expect.stringMatching(/^spark\.hadoop\.fs\.s3a\.endpoint=http:\/\/127\.0\.0\.1:\d+$/),
      );
      expect(argv.at(-1)).toBe("/app.py");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }, 60_000);
});
