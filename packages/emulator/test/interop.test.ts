/**
 * Third-party EMR clients against the emulator, unchanged but for --endpoint-url: boto3 and the AWS CLI, each
 * signing with its own SigV4 implementation while the emulator checks signatures. Skipped, loudly, on a machine
 * without them.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { AddJobFlowStepsCommand, EMRClient } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientEnv, HAS_AWS_CLI, HAS_BOTO3, warnIfMissing } from "./interop/clients.js";
import { cluster, run, started } from "./support.js";

const run$ = promisify(execFile);
const LOCAL = { accessKeyId: "AKIDEMRKITINTEROP", secretAccessKey: "interop-secret" };
const boto3 = HAS_BOTO3;
const awsCli = HAS_AWS_CLI;
warnIfMissing("interop test");

const signedEmulator = () => started({ verifySignatures: LOCAL });
const env = (credentials = LOCAL) => clientEnv(credentials);

const aws = async (endpoint: string, args: string[], credentials = LOCAL) => {
  const { stdout } = await run$("aws", ["--endpoint-url", endpoint, "--output", "json", "emr", ...args], {
    env: env(credentials),
  });
  return stdout.trim() === "" ? {} : JSON.parse(stdout);
};

describe.skipIf(!boto3)("boto3", () => {
  it("runs a pipeline end to end: waiters, a failing step with its log, ListSteps newest first", async () => {
    const emu = await signedEmulator();
    const script = new URL("./interop/boto3_pipeline.py", import.meta.url).pathname;
    const { stdout } = await run$("python3", [script, emu.endpoint], { env: env() });
    const result = JSON.parse(stdout);
    expect(result.listed).toEqual([
      [result.ids[2], "load", "COMPLETED"],
      [result.ids[1], "transform", "FAILED"],
      [result.ids[0], "extract", "COMPLETED"],
    ]);
    expect(result.failedWaiter).toBe("WaiterError");
    expect(result.failure.LogFile).toMatch(new RegExp(`${result.cluster}/steps/${result.ids[1]}/stderr$`));
    expect(result.failure.Message).toMatch(/exitCode 3/);
    expect(new Date(result.created).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const stdoutLog = `${emu.logRoot}/${result.cluster}/steps/${result.ids[0]}/stdout`;
    expect(readFileSync(stdoutLog, "utf8")).toBe("extracted\n");
  }, 60_000);
});

describe.skipIf(!awsCli)("the AWS CLI", () => {
  it("adds steps in its shorthand, waits for them, pages through ListSteps and reads them back", async () => {
    const emu = await signedEmulator();
    const sdk = new EMRClient({ endpoint: emu.endpoint, region: "us-east-1", credentials: LOCAL });
    const id = await cluster(sdk, { concurrency: 5 });
    // 60 quick steps first, so the CLI's paginator has to follow a Marker to list everything.
    const quick = Array.from({ length: 60 }, (_, i) => run(`quick-${i}`, ["true"]));
    await sdk.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: quick }));
    const added = await aws(emu.endpoint, [
      "add-steps",
      "--cluster-id",
      id,
      "--steps",
      "Type=CUSTOM_JAR,Name=hello,ActionOnFailure=CONTINUE,Jar=command-runner.jar,Args=[echo,hello from the CLI]",
    ]);
    expect(added.StepIds).toHaveLength(1);
    const [stepId] = added.StepIds as string[];
    await aws(emu.endpoint, ["wait", "step-complete", "--cluster-id", id, "--step-id", stepId!]);
    const described = await aws(emu.endpoint, ["describe-step", "--cluster-id", id, "--step-id", stepId!]);
    expect(described.Step).toMatchObject({
      Id: stepId,
      Name: "hello",
      ActionOnFailure: "CONTINUE",
      Config: { Jar: "command-runner.jar", Args: ["echo", "hello from the CLI"] },
      Status: { State: "COMPLETED" },
    });
    const listed = await aws(emu.endpoint, ["list-steps", "--cluster-id", id]);
    expect(listed.Steps).toHaveLength(61);
    expect(new Set(listed.Steps.map((s: { Id: string }) => s.Id)).size).toBe(61);
    expect(listed.Steps[0].Id).toBe(stepId);
    const log = `${emu.logRoot}/${id}/steps/${stepId}/stdout`;
    expect(existsSync(log) && readFileSync(log, "utf8")).toBe("hello from the CLI\n");
  }, 60_000);

  it("is refused with a wrong secret, and says why", async () => {
    const emu = await signedEmulator();
    const refused = aws(emu.endpoint, ["list-clusters"], { ...LOCAL, secretAccessKey: "wrong" });
    await expect(refused).rejects.toMatchObject({ stderr: expect.stringMatching(/InvalidSignatureException/) });
  }, 30_000);
});
