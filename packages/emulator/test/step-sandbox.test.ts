/**
 * A step does not touch the host: it sees the environment the emulator writes out for it (no host credential, no
 * profile, no token), runs in a directory of its own under the data directory, and its scripts run from a copy.
 * Over HTTP with @aws-sdk/client-emr.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AddJobFlowStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { hostHas } from "./host-env.js";
import { clientFor, cluster, run, settled, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

const HOST = {
  AWS_ACCESS_KEY_ID: "AKIAHOSTKEYDONOTLEAK1",
  AWS_SECRET_ACCESS_KEY: "host-secret-do-not-leak",
  AWS_SESSION_TOKEN: "host-session-token-do-not-leak",
  AWS_PROFILE: "host-profile-do-not-leak",
  EMRKIT_TEST_PASSED: "passed-through",
};

const printsItself = (name: string) =>
  run(name, [
    process.execPath,
    "-e",
    "require('fs').writeFileSync('out.txt', 'x'); process.stdout.write(JSON.stringify({ env: process.env, cwd: process.cwd() }))",
  ]);

describe("a step's environment and directory", () => {
  it("holds no host secret and only what the emulator gives it; the step runs in a directory of its own", async () => {
    hostHas(HOST);
    const emu = await started({
      stepEnvironment: { pass: ["EMRKIT_TEST_PASSED", "EMRKIT_TEST_NOT_SET"], set: { EMRKIT_TEST_SET: "set-here" } },
    });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [printsItself("one"), printsItself("two")] }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["COMPLETED", "COMPLETED"]);
    const seen = StepIds!.map(
      (stepId) =>
        JSON.parse(readFileSync(`${emu.logRoot}/${id}/steps/${stepId}/stdout`, "utf8")) as {
          env: Record<string, string>;
          cwd: string;
        },
    );
    const data = realpathSync(emu.dataDir);
    for (const [i, { env, cwd }] of seen.entries()) {
      const stepId = StepIds![i]!;
      const values = Object.values(env).join("\n");
      for (const secret of Object.values(HOST).slice(0, 4)) expect(values).not.toContain(secret);
      expect(Object.keys(env).sort()).toEqual([
        "AWS_ACCESS_KEY_ID",
        "AWS_CONFIG_FILE",
        "AWS_DEFAULT_REGION",
        "AWS_EC2_METADATA_DISABLED",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_EMR",
        "AWS_ENDPOINT_URL_S3",
        "AWS_REGION",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SHARED_CREDENTIALS_FILE",
        "EMRKIT_CLUSTER_ID",
        "EMRKIT_S3_ROOT",
        "EMRKIT_STEP_ID",
        "EMRKIT_TEST_PASSED",
        "EMRKIT_TEST_SET",
        "HOME",
        "NO_PROXY",
        "PATH",
        "TMPDIR",
        "no_proxy",
      ]);
      expect(env).toMatchObject({
        AWS_ACCESS_KEY_ID: "EMRKITLOCALSTEP",
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
        EMRKIT_CLUSTER_ID: id,
        EMRKIT_STEP_ID: stepId,
        EMRKIT_TEST_PASSED: "passed-through",
        EMRKIT_TEST_SET: "set-here",
        AWS_ENDPOINT_URL_S3: emu.s3Endpoint,
        AWS_ENDPOINT_URL_EMR: emu.endpoint,
        HOME: join(emu.dataDir, "home"),
        TMPDIR: join(emu.dataDir, "tmp", stepId),
        AWS_SHARED_CREDENTIALS_FILE: join(emu.dataDir, "home", ".aws", "credentials"),
      });
      expect(cwd).toBe(join(data, "steps", stepId));
      // A relative output lands in the step's directory, not in the emulator's (the user's checkout).
      expect(existsSync(join(cwd, "out.txt"))).toBe(true);
    }
    expect(existsSync(join(process.cwd(), "out.txt"))).toBe(false);
    expect(seen[0]!.cwd).not.toBe(seen[1]!.cwd);

    // AWS calls go to a loopback endpoint that refuses them and says why, never to real AWS.
    const offline = seen[0]!.env.AWS_ENDPOINT_URL!;
    expect(offline).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const s3 = await fetch(`${offline}/bucket/key`);
    expect(s3.status).toBe(501);
    expect(await s3.text()).toMatch(/<Code>NotImplemented<\/Code><Message>emrkit emulator: a step runs offline/);
    const json = await fetch(offline, { method: "POST", headers: { "x-amz-target": "DynamoDB_20120810.ListTables" } });
    expect(((await json.json()) as { __type: string }).__type).toBe("NotImplemented");
    await emu.close();
    await expect(fetch(offline)).rejects.toThrow();
  });

  it("refuses a stepEnvironment or stepKillGraceMs it cannot use, naming the member, before it makes anything", async () => {
    await expect(startEmulator({ stepEnvironment: { pass: ["JAVA_HOME", "NOT-A-NAME"] } })).rejects.toThrow(
      new TypeError(
        'startEmulator: stepEnvironment.pass[1] must be a variable name (^[A-Za-z_][A-Za-z0-9_]*$), not "NOT-A-NAME"',
      ),
    );
    await expect(startEmulator({ stepEnvironment: { set: { A: 1 as unknown as string } } })).rejects.toThrow(
      new TypeError("startEmulator: stepEnvironment.set.A must be a string without NUL, not number"),
    );
    await expect(startEmulator({ stepEnvironment: { path: [] } as never })).rejects.toThrow(
      new TypeError("startEmulator: stepEnvironment has no member path; it takes pass and set"),
    );
    await expect(startEmulator({ stepKillGraceMs: -1 })).rejects.toThrow(
      new RangeError("startEmulator: stepKillGraceMs must be a number of milliseconds, 0 or more, not -1"),
    );
  });
});

describe("script-runner.jar", () => {
  it("runs a copy of the script in the step's directory and leaves the user's file as it was", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const mine = join(tempDir("emrkit-user-files-"), "job.sh");
    writeFileSync(mine, '#!/bin/sh\necho "ran in $(pwd) with $1"\n', { mode: 0o644 });
    const inS3 = join(emu.s3Root, "bucket", "job.sh");
    mkdirSync(join(emu.s3Root, "bucket"), { recursive: true });
    writeFileSync(inS3, '#!/bin/sh\necho "from s3 with $1"\n', { mode: 0o600 });
    const script = (location: string) => ({
      Name: location,
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: {
        Jar: "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar",
        Args: [location, "an-arg"],
      },
    });
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [script(mine), script("s3://bucket/job.sh")] }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["COMPLETED", "COMPLETED"]);
    const stdout = (i: number) => readFileSync(`${emu.logRoot}/${id}/steps/${StepIds![i]}/stdout`, "utf8");
    expect(stdout(0)).toBe(`ran in ${join(realpathSync(emu.dataDir), "steps", StepIds![0]!)} with an-arg\n`);
    expect(stdout(1)).toBe("from s3 with an-arg\n");
    expect(statSync(mine).mode & 0o777).toBe(0o644);
    expect(statSync(inS3).mode & 0o777).toBe(0o600);
  });

  it("refuses a script that is not there, saying where it looked, and makes no directory for the step", async () => {
    const emu = await started();
    const client = clientFor(emu.endpoint);
    const id = await cluster(client);
    const { StepIds } = await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [
          {
            Name: "missing",
            ActionOnFailure: "CONTINUE",
            HadoopJarStep: { Jar: "s3://elasticmapreduce/libs/script-runner/script-runner.jar", Args: ["s3://b/x.sh"] },
          },
        ],
      }),
    );
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("FAILED");
    const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: StepIds![0] }));
    expect(Step!.Status!.FailureDetails!.Message).toBe(
      `script-runner.jar: no script at s3://b/x.sh (${join(emu.s3Root, "b", "x.sh")})`,
    );
    expect(existsSync(join(emu.dataDir, "steps", StepIds![0]!))).toBe(false);
    expect(existsSync(join(emu.dataDir, "tmp", StepIds![0]!))).toBe(false);
  });
});
