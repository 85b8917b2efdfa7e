/**
 * spark-submit, hive-script, pig-script and hadoop-streaming steps run with the tools of this machine, found by
 * the tools option, SPARK_HOME/HIVE_HOME or PATH, their arguments rewritten as a single-node EMR would run them.
 * The tools here are stand-ins that record the argv they get (and JAVA_HOME, which mapped tools are given);
 * the steps go over HTTP with @aws-sdk/client-emr.
 */
import { chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostHas } from "../host-env.js";
import { clientFor, started } from "../support.js";
import { tempDir } from "../temp-dir.js";
import { commandStep, put, runSteps } from "./steps.js";

/** A program at `path` that writes JAVA_HOME and then its arguments, one a line, to `<path>.argv`. */
function standIn(path: string): () => string[] {
  put(path, `#!/bin/sh\n{ echo "JAVA_HOME=$JAVA_HOME"; printf '%s\\n' "$@"; } > "${path}.argv"\n`);
  chmodSync(path, 0o755);
  return () => readFileSync(`${path}.argv`, "utf8").trimEnd().split("\n");
}

const ENDPOINT = "http://127.0.0.1:4566";
/** Every emulator serves S3 to its steps; an empty AWS_ENDPOINT_URL_S3 is "none" to the SDKs and to the mapping. */
const WITHOUT_S3_ENDPOINT = { set: { AWS_ENDPOINT_URL_S3: "" } };
const SPARK_STEP = [
  "spark-submit",
  "--deploy-mode",
  "cluster",
  "--master",
  "yarn",
  "--conf",
  "spark.eventLog.dir=s3://logs/spark/",
  "--py-files",
  "s3://code/deps.py",
  "s3://code/app.py",
  "--input",
  "s3://data/in/",
  "--output=s3://data/out/",
];

describe("spark-submit", () => {
  it("runs in local mode, s3:// through the local S3 endpoint as s3a:// with S3A's settings, the rewrite in the controller log", async () => {
    const tools = tempDir("emrkit-tools-");
    const argv = standIn(join(tools, "spark-submit"));
    hostHas({ JAVA_HOME: "/opt/jdk-for-test" });
    const emu = await started({
      tools: { "spark-submit": join(tools, "spark-submit") },
      stepEnvironment: { set: { AWS_ENDPOINT_URL_S3: ENDPOINT } },
    });
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [commandStep("spark", SPARK_STEP)]);
    expect(step!.state).toBe("COMPLETED");
    const s3a = (k: string, v: string) => ["--conf", `spark.hadoop.fs.s3a.${k}=${v}`];
    expect(argv()).toEqual([
      "JAVA_HOME=/opt/jdk-for-test",
      "--deploy-mode",
      "client",
      "--master",
      "local[*]",
      "--conf",
      "spark.eventLog.dir=s3a://logs/spark/",
      "--py-files",
      join(emu.s3Root, "code/deps.py"),
      ...s3a("endpoint", ENDPOINT),
      ...s3a("endpoint.region", "us-east-1"),
      ...s3a("path.style.access", "true"),
      ...s3a("connection.ssl.enabled", "false"),
      ...s3a("access.key", "EMRKITLOCALSTEP"),
      ...s3a("secret.key", "emrkit-local-step-not-a-secret"),
      "--conf",
      "spark.hadoop.fs.s3.impl=org.apache.hadoop.fs.s3a.S3AFileSystem",
      join(emu.s3Root, "code/app.py"),
      "--input",
      "s3a://data/in/",
      "--output=s3a://data/out/",
    ]);
    expect(step!.controller).toContain(`original argv: ${JSON.stringify(SPARK_STEP)}`);
    expect(step!.controller).toContain('rewritten argv: ["');
    expect(step!.controller).toContain("--deploy-mode cluster → client");
    expect(step!.controller).toContain("--master yarn → local[*]");
    expect(step!.controller).toContain("spark.hadoop.fs.s3a.secret.key=****");
    expect(step!.controller).not.toContain("emrkit-local-step-not-a-secret");
  });

  it("by default reads and writes through the emulator's own S3 endpoint, which every step is given", async () => {
    const tools = tempDir("emrkit-tools-");
    const argv = standIn(join(tools, "spark-submit"));
    const emu = await started({ tools: { "spark-submit": join(tools, "spark-submit") } });
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [commandStep("spark", SPARK_STEP)]);
    expect(step!.state).toBe("COMPLETED");
    expect(argv()).toContain(`spark.hadoop.fs.s3a.endpoint=${emu.s3Endpoint}`);
    expect(argv()).toContain("s3a://data/in/");
  });

  it("found by SPARK_HOME, without an endpoint: s3:// as file:// paths under the local S3 root, hdfs:// in the cluster's HDFS folder, --master local[*] added", async () => {
    const home = tempDir("emrkit-spark-home-");
    const argv = standIn(join(home, "bin", "spark-submit"));
    hostHas({ SPARK_HOME: home });
    const emu = await started({ stepEnvironment: WITHOUT_S3_ENDPOINT });
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("spark", ["spark-submit", "s3://code/app.py", "s3://data/in/", "hdfs:///tmp/x"]),
    ]);
    expect(step!.state).toBe("COMPLETED");
    expect(argv().slice(1)).toEqual([
      "--master",
      "local[*]",
      join(emu.s3Root, "code/app.py"),
      `file://${join(emu.s3Root, "data/in")}`,
      `file://${step!.hdfs("tmp/x")}`,
    ]);
    expect(step!.controller).toContain(`found by SPARK_HOME=${home}`);
    expect(step!.controller).toContain("no AWS_ENDPOINT_URL_S3 in the step's environment");
  });

  it("refuses an s3:// argument that would leave the local S3 root, naming the argument", async () => {
    const tools = tempDir("emrkit-tools-");
    standIn(join(tools, "spark-submit"));
    const emu = await started({
      tools: { "spark-submit": join(tools, "spark-submit") },
      stepEnvironment: WITHOUT_S3_ENDPOINT,
    });
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("spark", ["spark-submit", "s3://code/app.py", "s3://data/../../../etc/passwd"]),
    ]);
    expect(step!.state).toBe("FAILED");
    expect(step!.failure?.Message).toBe("Args[2]: s3://data/../../../etc/passwd resolves outside the local S3 root");
  });
});

describe("hive-script, pig-script and hadoop-streaming", () => {
  it("run the Hive CLI (HIVE_HOME), the Pig CLI (PATH) and streaming (the tools option, and as hadoop-streaming.jar)", async () => {
    const hiveHome = tempDir("emrkit-hive-home-");
    const hive = standIn(join(hiveHome, "bin", "hive"));
    const bin = tempDir("emrkit-bin-");
    const pig = standIn(join(bin, "pig"));
    const streaming = standIn(join(bin, "my-streaming"));
    hostHas({ HIVE_HOME: hiveHome, PATH: `${bin}:${process.env.PATH}` });
    const emu = await started({
      tools: { "hadoop-streaming": join(bin, "my-streaming") },
      stepEnvironment: WITHOUT_S3_ENDPOINT,
    });
    const client = clientFor(emu.endpoint);
    const root = emu.s3Root;
    const streamingArgs = [
      "-files",
      "s3://code/mapper.py,s3://code/reducer.py",
      "-mapper",
      "mapper.py",
      "-reducer",
      "reducer.py",
      "-input",
      "s3://data/in",
      "-output",
      "s3://data/out",
    ];
    const steps = await runSteps(emu, client, [
      // What `aws emr add-steps Type=HIVE` and `Type=PIG` send (EMR-FACTS).
      commandStep("hive", [
        "hive-script",
        "--run-hive-script",
        "--args",
        "-f",
        "s3://code/q.sql",
        "-d",
        "INPUT=s3://data/in",
      ]),
      commandStep("pig", [
        "pig-script",
        "--run-pig-script",
        "--args",
        "-f",
        "s3://code/p.pig",
        "-p",
        "OUTPUT=s3://data/out",
      ]),
      commandStep("streaming", ["hadoop-streaming", ...streamingArgs]),
    ]);
    expect(steps.map((s) => s.state)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    expect(hive().slice(1)).toEqual([
      "--hiveconf",
      "mapreduce.framework.name=local",
      "-f",
      join(root, "code/q.sql"),
      "-d",
      `INPUT=file://${join(root, "data/in")}`,
    ]);
    expect(pig().slice(1)).toEqual([
      "-x",
      "local",
      "-f",
      join(root, "code/p.pig"),
      "-p",
      `OUTPUT=file://${join(root, "data/out")}`,
    ]);
    const streamed = [
      "-D",
      "mapreduce.framework.name=local",
      "-files",
      `${join(root, "code/mapper.py")},${join(root, "code/reducer.py")}`,
      "-mapper",
      "mapper.py",
      "-reducer",
      "reducer.py",
      "-input",
      `file://${join(root, "data/in")}`,
      "-output",
      `file://${join(root, "data/out")}`,
    ];
    expect(streaming().slice(1)).toEqual(streamed);
    expect(steps[1]!.controller).toContain("found by PATH");
    // As the jar; and with --files, as the Release Guide's "Submit a Streaming Step" writes it.
    const [jar] = await runSteps(emu, client, [
      { Name: "jar", HadoopJarStep: { Jar: "/usr/lib/hadoop-mapreduce/hadoop-streaming.jar", Args: streamingArgs } },
    ]);
    expect(jar!.state).toBe("COMPLETED");
    expect(streaming().slice(1)).toEqual(streamed);
    await runSteps(emu, client, [commandStep("streaming", ["hadoop-streaming", "--files", ...streamingArgs.slice(1)])]);
    expect(streaming().slice(1)).toEqual(streamed.map((a) => (a === "-files" ? "--files" : a)));
  });

  it("runs the AMI clusters' form too: script-runner.jar with EMR's hive-script, --hive-versions and all (EMR-FACTS)", async () => {
    const hiveHome = tempDir("emrkit-hive-home-");
    const hive = standIn(join(hiveHome, "bin", "hive"));
    hostHas({ HIVE_HOME: hiveHome });
    const emu = await started({ stepEnvironment: WITHOUT_S3_ENDPOINT });
    const [step] = await runSteps(emu, clientFor(emu.endpoint), [
      {
        Name: "hive on AMI",
        HadoopJarStep: {
          Jar: "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar",
          Args: [
            "s3://us-east-1.elasticmapreduce/libs/hive/hive-script",
            "--run-hive-script",
            "--hive-versions",
            "latest",
            "--args",
            "-f",
            "s3://code/q.sql",
          ],
        },
      },
    ]);
    expect(step!.state).toBe("COMPLETED");
    expect(hive().slice(1)).toEqual([
      "--hiveconf",
      "mapreduce.framework.name=local",
      "-f",
      join(emu.s3Root, "code/q.sql"),
    ]);
  });

  it("refuses hive-script without --run-hive-script … --args, as EMR's hive-script needs them", async () => {
    const hiveHome = tempDir("emrkit-hive-home-");
    standIn(join(hiveHome, "bin", "hive"));
    hostHas({ HIVE_HOME: hiveHome });
    const emu = await started();
    const [noRun, noArgs] = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("hive", ["hive-script", "-f", "s3://code/q.sql"]),
      commandStep("hive", ["hive-script", "--run-hive-script", "-f", "s3://code/q.sql"]),
    ]);
    expect(noRun!.failure?.Message).toBe(
      'Args[1]: hive-script takes --run-hive-script --args <arguments>, as EMR\'s hive-script steps do; got "-f"',
    );
    expect(noArgs!.failure?.Message).toContain("hive-script: no --args after --run-hive-script");
  });
});
