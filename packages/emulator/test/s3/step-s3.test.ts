/**
 * Steps see the local S3 endpoint (issue 15, section 2): a script-runner Python step reads s3://data/in.csv with
 * boto3 and writes its result with `aws s3 cp`, and the file appears under the local S3 root. The emulator runs
 * with real-looking AWS credentials in its own environment (and checks signatures with them), and every step is
 * given HTTPS_PROXY/HTTP_PROXY pointing at a listener that counts connections: nothing reaches it from the step
 * that uses S3, while a control step that names real S3 explicitly does reach it — so the zero means something.
 * Skipped, loudly, where python3 with boto3 or the AWS CLI is missing.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { AddJobFlowStepsCommand, EMRClient } from "@aws-sdk/client-emr";
import { afterEach, describe, expect, it } from "vitest";
import { clientEnv, HAS_AWS_CLI, HAS_BOTO3, warnIfMissing } from "../interop/clients.js";
import { cluster, settled, started } from "../support.js";

warnIfMissing("S3 step tests");
const SCRIPT_RUNNER = "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar";
const HOST_KEYS = {
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(HOST_KEYS)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** A listener standing in for a proxy: it counts who connects and hangs up on them. */
async function proxyTrap(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe.skipIf(!HAS_BOTO3 || !HAS_AWS_CLI)("a step's AWS calls", () => {
  it("boto3 and aws s3 cp in a step read and write the local S3 root, and nothing goes out", async () => {
    // The real interpreter (not a pyenv shim, which looks for its versions under the user's HOME) and its bin,
    // where `aws` is too.
    const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], {
      env: clientEnv({ accessKeyId: "x", secretAccessKey: "x" }),
    })
      .toString()
      .trim();
    const trap = await proxyTrap();
    try {
      Object.assign(process.env, HOST_KEYS);
      const emu = await started({
        verifySignatures: true,
        stepEnvironment: {
          set: { PATH: `${dirname(python)}:${process.env.PATH}`, HTTPS_PROXY: trap.url, HTTP_PROXY: trap.url },
        },
      });
      mkdirSync(join(emu.s3Root, "data"), { recursive: true });
      writeFileSync(join(emu.s3Root, "data", "in.csv"), "id,n\na,1\nb,2\n");
      writeFileSync(
        join(emu.s3Root, "data", "job.py"),
        `#!${python}
import os, subprocess, boto3
body = boto3.client("s3").get_object(Bucket="data", Key="in.csv")["Body"].read().decode()
total = sum(int(line.split(",")[1]) for line in body.strip().split("\\n")[1:])
with open("result.txt", "w") as f:
    f.write(str(total))
subprocess.run(["aws", "s3", "cp", "result.txt", "s3://data/out/result.txt", "--only-show-errors"], check=True)
print(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_ENDPOINT_URL_S3"])
`,
      );
      writeFileSync(
        join(emu.s3Root, "data", "control.py"),
        `#!${python}
import boto3
boto3.client("s3", endpoint_url="https://s3.amazonaws.com").list_buckets()
`,
      );
      const client = new EMRClient({
        endpoint: emu.endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: HOST_KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: HOST_KEYS.AWS_SECRET_ACCESS_KEY },
      });
      const id = await cluster(client);
      await client.send(
        new AddJobFlowStepsCommand({
          JobFlowId: id,
          Steps: [
            {
              Name: "job",
              ActionOnFailure: "CONTINUE",
              HadoopJarStep: { Jar: SCRIPT_RUNNER, Args: ["s3://data/job.py"] },
            },
          ],
        }),
      );
      const [job] = await settled(client, id);
      const logs = join(emu.logRoot, id, "steps", job!.Id!);
      expect(job!.Status!.State, readFileSync(join(logs, "stderr"), "utf8")).toBe("COMPLETED");
      expect(readFileSync(join(emu.s3Root, "data", "out", "result.txt"), "utf8")).toBe("3");
      expect(readFileSync(join(logs, "stdout"), "utf8").trim()).toBe(`EMRKITLOCALSTEP ${emu.s3Endpoint}`);
      expect(trap.connections()).toBe(0);

      await client.send(
        new AddJobFlowStepsCommand({
          JobFlowId: id,
          Steps: [
            {
              Name: "control",
              ActionOnFailure: "CONTINUE",
              HadoopJarStep: { Jar: SCRIPT_RUNNER, Args: ["s3://data/control.py"] },
            },
          ],
        }),
      );
      const [, control] = await settled(client, id);
      expect(control!.Status!.State).toBe("FAILED");
      expect(trap.connections()).toBeGreaterThan(0);
    } finally {
      await trap.close();
    }
  }, 120_000);
});
