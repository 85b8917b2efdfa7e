import {
  command,
  EmrValidationError,
  type HadoopJarStepConfig,
  hive,
  jobFlow,
  PipelineError,
  pig,
  pipeline,
  StepBuilderBase,
  s3DistCp,
  script,
  spark,
  step,
  streaming,
} from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { FlinkStep, flink } from "./examples/flink-kind.js";

describe("step", () => {
  it("builds the canonical example", () => {
    expect(step("etl").jar("s3://b/etl.jar").args("--day", "2024-01-01").onFailure("CONTINUE").build()).toEqual({
      Name: "etl",
      ActionOnFailure: "CONTINUE",
      HadoopJarStep: { Jar: "s3://b/etl.jar", Args: ["--day", "2024-01-01"] },
    });
  });

  it("appends args and properties, sets main class and monitoring", () => {
    const built = step("x")
      .jar("s3://b/x.jar")
      .mainClass("com.example.Main")
      .args("a")
      .args("b", "c")
      .property("k1", "v1")
      .properties({ k2: "v2", k3: "" })
      .monitoring({ logUri: "s3://logs/x/" })
      .build();
    expect(built.HadoopJarStep).toEqual({
      Jar: "s3://b/x.jar",
      MainClass: "com.example.Main",
      Args: ["a", "b", "c"],
      Properties: [
        { Key: "k1", Value: "v1" },
        { Key: "k2", Value: "v2" },
        { Key: "k3", Value: "" },
      ],
    });
    expect(built.StepMonitoringConfiguration).toEqual({ S3MonitoringConfiguration: { LogUri: "s3://logs/x/" } });
  });

  it("is immutable: a half-built step is a template", () => {
    const nightly = step("nightly").onFailure("CANCEL_AND_WAIT").jar("s3://b/n.jar").args("--all");
    const a = nightly.args("--day", "1");
    const b = nightly.args("--day", "2");
    expect(nightly.build().HadoopJarStep.Args).toEqual(["--all"]);
    expect(a.build().HadoopJarStep.Args).toEqual(["--all", "--day", "1"]);
    expect(b.build().HadoopJarStep.Args).toEqual(["--all", "--day", "2"]);
  });

  it("gives fresh data on every build: changing a built step changes no builder", () => {
    const template = spark("t").conf("a", "1").app("app.py", "x").monitoring({ logUri: "s3://logs/" });
    const built = template.toStepConfig();
    built.HadoopJarStep.Args!.push("changed");
    built.StepMonitoringConfiguration!.S3MonitoringConfiguration!.LogUri = "s3://elsewhere/";
    expect(template.toStepConfig()).toEqual({
      Name: "t",
      ActionOnFailure: "CONTINUE",
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit", "--conf", "a=1", "app.py", "x"] },
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://logs/" } },
    });
  });

  it("runs a kind's own constructor for its first builder only", () => {
    class Echo extends StepBuilderBase<{ readonly words: readonly string[] | undefined }, never> {
      constructor(name: string) {
        super(name, () => ({ words: undefined }));
      }
      say(...words: string[]): this {
        return this.append("words", ...words);
      }
      protected hadoopJarStep(o: { readonly words: readonly string[] | undefined }): HadoopJarStepConfig {
        return { Jar: "command-runner.jar", Args: ["echo", ...(o.words ?? [])] };
      }
    }
    const said = new Echo("e").say("a").onFailure("CANCEL_AND_WAIT").say("b", "c");
    expect(said).toBeInstanceOf(Echo);
    expect(said.build()).toEqual({
      Name: "e",
      ActionOnFailure: "CANCEL_AND_WAIT",
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["echo", "a", "b", "c"] },
    });
  });

  it("copies a list a user's kind starts with before appending to it", () => {
    const initial = ["--first"];
    const kind = new FlinkStep("f", () => ({ jar: undefined, args: initial as unknown as undefined }));
    const a = kind.jar("a.jar", "1");
    const b = kind.jar("b.jar", "2");
    expect(a.build().HadoopJarStep.Args).toEqual(["flink", "run", "-m", "yarn-cluster", "a.jar", "--first", "1"]);
    expect(b.build().HadoopJarStep.Args).toEqual(["flink", "run", "-m", "yarn-cluster", "b.jar", "--first", "2"]);
    expect(initial).toEqual(["--first"]);
  });

  it("build() throws every issue, with paths relative to the step", () => {
    const bad = step("x".repeat(257)).jar("s3://b/x.jar").monitoring({ logUri: "http://x" }).args("\u0001");
    expect(() => bad.build()).toThrow(EmrValidationError);
    try {
      bad.build();
    } catch (error) {
      expect((error as EmrValidationError).issues.map((i) => `${i.code}@${i.path}`)).toEqual([
        "length@Name",
        "pattern@HadoopJarStep.Args[0]",
        "invalid-s3-uri@StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri",
      ]);
    }
  });

  it("$call and $if compose fragments", () => {
    const withLogs = <B extends { monitoring(c: { logUri: string }): B }>(b: B) =>
      b.monitoring({ logUri: "s3://logs/" });
    const built = step("x")
      .jar("j.jar")
      .$call(withLogs)
      .$if(false, (b) => b.args("never"))
      .build();
    expect(built.StepMonitoringConfiguration?.S3MonitoringConfiguration?.LogUri).toBe("s3://logs/");
    expect(built.HadoopJarStep.Args).toBeUndefined();
  });
});

describe("step kinds", () => {
  it("spark", () => {
    const built = spark("wc")
      .deployMode("cluster")
      .master("yarn")
      .class("com.example.WordCount")
      .conf("spark.executor.memory", "4g")
      .pyFiles("s3://b/a.py", "s3://b/b.py")
      .jars("s3://b/x.jar")
      .files("s3://b/f.txt")
      .rawArgs("--verbose")
      .app("s3://b/wc.jar", "s3://in/")
      .appArgs("s3://out/")
      .build();
    expect(built).toEqual({
      Name: "wc",
      ActionOnFailure: "CONTINUE",
      HadoopJarStep: {
        Jar: "command-runner.jar",
        Args: [
          "spark-submit",
          "--deploy-mode",
          "cluster",
          "--master",
          "yarn",
          "--class",
          "com.example.WordCount",
          "--conf",
          "spark.executor.memory=4g",
          "--py-files",
          "s3://b/a.py,s3://b/b.py",
          "--jars",
          "s3://b/x.jar",
          "--files",
          "s3://b/f.txt",
          "--verbose",
          "s3://b/wc.jar",
          "s3://in/",
          "s3://out/",
        ],
      },
    });
  });

  it("hive, pig and streaming, in both forms", () => {
    expect(hive("h").script("s3://b/q.hql").variable("INPUT", "s3://in/").build().HadoopJarStep).toEqual({
      Jar: "command-runner.jar",
      Args: ["hive-script", "--run-hive-script", "--args", "-f", "s3://b/q.hql", "-d", "INPUT=s3://in/"],
    });
    expect(hive("h", { ami: true, region: "eu-west-1" }).script("s3://b/q.hql").build().HadoopJarStep).toEqual({
      Jar: "s3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar",
      Args: [
        "s3://eu-west-1.elasticmapreduce/libs/hive/hive-script",
        "--run-hive-script",
        "--hive-versions",
        "latest",
        "--args",
        "-f",
        "s3://b/q.hql",
      ],
    });
    expect(pig("p").script("s3://b/p.pig").param("X", "1").build().HadoopJarStep.Args).toEqual([
      "pig-script",
      "--run-pig-script",
      "--args",
      "-f",
      "s3://b/p.pig",
      "-p",
      "X=1",
    ]);
    const job = streaming("s")
      .files("s3://b/m.py")
      .mapper("m.py")
      .reducer("aggregate")
      .input("s3://i/")
      .output("s3://o/");
    expect(job.build().HadoopJarStep).toEqual({
      Jar: "command-runner.jar",
      Args: [
        "hadoop-streaming",
        "-files",
        "s3://b/m.py",
        "-mapper",
        "m.py",
        "-reducer",
        "aggregate",
        "-input",
        "s3://i/",
        "-output",
        "s3://o/",
      ],
    });
    expect(streaming("s", { ami: true }).mapper("m").input("i").output("o").build().HadoopJarStep.Jar).toBe(
      "/home/hadoop/contrib/streaming/hadoop-streaming.jar",
    );
    expect(spark("s", { ami: true }).app("a.py").build().HadoopJarStep).toEqual({
      Jar: "s3://us-east-1.elasticmapreduce/libs/script-runner/script-runner.jar",
      Args: ["/home/hadoop/spark/bin/spark-submit", "a.py"],
    });
  });

  it("command, script, s3DistCp and a user-defined kind", () => {
    expect(command("ls", ["hdfs", "dfs", "-ls", "/"]).args("-R").build().HadoopJarStep).toEqual({
      Jar: "command-runner.jar",
      Args: ["hdfs", "dfs", "-ls", "/", "-R"],
    });
    expect(script("s", "s3://b/x.sh", ["a"], { region: "ap-south-1" }).build().HadoopJarStep).toEqual({
      Jar: "s3://ap-south-1.elasticmapreduce/libs/script-runner/script-runner.jar",
      Args: ["s3://b/x.sh", "a"],
    });
    expect(
      s3DistCp("cp")
        .src("s3://a/in/")
        .dest("hdfs:///in/")
        .options({ srcPattern: ".*\\.gz", deleteOnSuccess: true, targetSize: 128, numberFiles: false })
        .build().HadoopJarStep.Args,
    ).toEqual([
      "s3-dist-cp",
      "--src=s3://a/in/",
      "--dest=hdfs:///in/",
      "--srcPattern=.*\\.gz",
      "--deleteOnSuccess",
      "--targetSize=128",
    ]);
    expect(flink("f").jar("s3://b/job.jar", "--x").build().HadoopJarStep.Args).toEqual([
      "flink",
      "run",
      "-m",
      "yarn-cluster",
      "s3://b/job.jar",
      "--x",
    ]);
  });
});

describe("jobFlow and pipeline", () => {
  const a = step("a").jar("a.jar");
  const b = step("b").jar("b.jar");
  const c = step("c").jar("c.jar");

  it("jobFlow takes builders and StepConfigs", () => {
    const role = "arn:aws:iam::123456789012:role/steps";
    const input = jobFlow("j-1").add(a, b.build()).add(flink("f").jar("x.jar")).executionRole(role).build();
    expect(input.JobFlowId).toBe("j-1");
    expect(input.ExecutionRoleArn).toBe(role);
    expect(input.Steps.map((s) => s.Name)).toEqual(["a", "b", "f"]);
    expect(() => jobFlow("j-1").add(a).executionRole("nope").build()).toThrow(/ExecutionRoleArn/);
  });

  it("adding 10,000 steps one by one is linear", () => {
    const template = step("s").jar("x.jar");
    const time = (n: number) => {
      const start = performance.now();
      let flow = jobFlow("j-1");
      for (let i = 0; i < n; i++) flow = flow.add(template);
      expect(flow.toInput().Steps).toHaveLength(n);
      return performance.now() - start;
    };
    time(2_000);
    // A quadratic builder copies 50M cells for 10,000 adds; this one makes 10,000.
    expect(time(10_000)).toBeLessThan(1_000);
  });

  it("100,000 single appends build in linear time, without recursion", () => {
    const start = performance.now();
    let built = step("s").jar("x.jar");
    for (let i = 0; i < 100_000; i++) built = built.args(String(i));
    const args = built.toStepConfig().HadoopJarStep.Args!;
    expect(args).toHaveLength(100_000);
    expect(args[99_999]).toBe("99999");
    // Copying the list on every append would move 5 billion items; replaying the cells moves 100,000.
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("pipeline orders by dependencies and exposes them by name", () => {
    const built = pipeline()
      .add(c, { after: [b, "a"] })
      .add(a)
      .add(b, { after: [a] })
      .build();
    expect(built.steps.map((s) => s.Name)).toEqual(["a", "b", "c"]);
    expect(built.after).toEqual({ c: ["b", "a"], a: [], b: ["a"] });
    const ordered = pipeline().add(a).add(b).add(c).build();
    expect(ordered.steps.map((s) => s.Name)).toEqual(["a", "b", "c"]);
    expect(
      pipeline()
        .add(a)
        .add(b, { after: [a] })
        .toJobFlow("j-9")
        .build()
        .Steps.map((s) => s.Name),
    ).toEqual(["a", "b"]);
  });

  it("pipeline rejects cycles, unknown and duplicate names", () => {
    expect(() =>
      pipeline()
        .add(a, { after: [c] })
        .add(b, { after: [a] })
        .add(c, { after: [b] })
        .build(),
    ).toThrow(new PipelineError("pipeline: the steps form a cycle: a → b → c → a"));
    expect(() =>
      pipeline()
        .add(a, { after: ["x"] })
        .build(),
    ).toThrow('pipeline: step "a" runs after "x", which is not in the pipeline');
    expect(() => pipeline().add(a).add(a).build()).toThrow('two steps are named "a"');
  });

  it("pipeline orders a 10,000-step chain without overflowing the stack", () => {
    let p = pipeline();
    for (let i = 9_999; i >= 0; i--) p = p.add(step(`s${i}`).jar("x.jar"), { after: i === 0 ? [] : [`s${i - 1}`] });
    const built = p.build();
    expect(built.steps[0]!.Name).toBe("s0");
    expect(built.steps[9_999]!.Name).toBe("s9999");
  });
});
