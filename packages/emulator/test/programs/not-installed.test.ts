/**
 * A step whose program this machine does not have fails with FailureDetails that name the program, say it is not
 * installed here and how to provide it, read back through @aws-sdk/client-emr's DescribeStep.
 */
import { describe, expect, it } from "vitest";
import { hostHas } from "../host-env.js";
import { clientFor, started } from "../support.js";
import { commandStep, runSteps } from "./steps.js";

describe("a program that is not installed", () => {
  it("fails the step saying which, that it is not installed on this machine, and how to provide it", async () => {
    hostHas({
      PATH: "/usr/bin:/bin",
      SPARK_HOME: undefined,
      HIVE_HOME: undefined,
      PIG_HOME: undefined,
      HADOOP_HOME: undefined,
    });
    const emu = await started({ tools: { "pig-script": "/nonexistent/emrkit/pig" } });
    const steps = await runSteps(emu, clientFor(emu.endpoint), [
      commandStep("spark", ["spark-submit", "--deploy-mode", "cluster", "s3://code/app.py"]),
      commandStep("hive", ["hive-script", "--run-hive-script", "--args", "-f", "s3://code/q.sql"]),
      commandStep("pig", ["pig-script", "--run-pig-script", "--args", "-f", "s3://code/p.pig"]),
      commandStep("streaming", ["hadoop-streaming", "-input", "s3://in", "-output", "s3://out"]),
      commandStep("hadoop", ["hadoop", "fs", "-ls", "/"]),
      commandStep("typo", ["pyhton3", "job.py"]),
      commandStep("relative", ["./run.sh"]),
    ]);
    expect(steps.map((s) => s.state)).toEqual(Array(7).fill("FAILED"));
    const [spark, hive, pig, streaming, hadoop, typo, relative] = steps.map((s) => s.failure!.Message!);
    expect(spark).toBe(
      "spark-submit: Spark is not installed on this machine, so a spark-submit step cannot run here (looked for $SPARK_HOME/bin/spark-submit (SPARK_HOME is not set) and spark-submit on PATH). " +
        "To provide it: install Spark and put spark-submit on PATH, or set SPARK_HOME before the emulator starts, " +
        'or map the program: emrkit local --tool spark-submit=/path/to/spark-submit, or startEmulator({ tools: { "spark-submit": "/path/to/spark-submit" } })',
    );
    expect(hive).toContain("hive-script: Hive is not installed on this machine");
    expect(hive).toContain("put hive on PATH, or set HIVE_HOME");
    expect(pig).toContain(
      'pig-script: Pig is not installed on this machine, so a pig-script step cannot run here (tools["pig-script"] names /nonexistent/emrkit/pig, which is not an executable file)',
    );
    expect(streaming).toContain("hadoop-streaming: Hadoop is not installed on this machine");
    expect(streaming).toContain("$HADOOP_HOME/bin/hadoop (HADOOP_HOME is not set)");
    expect(hadoop).toBe(
      "command-runner.jar: hadoop is a program EMR clusters have, and it is not installed on this machine: no executable hadoop on the step's PATH (/usr/bin:/bin). Install it and put it on PATH before the emulator starts, or give its absolute path as Args[0]",
    );
    expect(typo).toContain(
      "command-runner.jar: pyhton3 is not installed on this machine: no executable pyhton3 on the step's PATH",
    );
    expect(relative).toBe(
      "command-runner.jar: ./run.sh is not an executable file on this machine (a relative path is relative to the step's own directory); give the path of a program that is here, or a program name on PATH",
    );
    for (const step of steps) expect(step.failure!.Message).not.toContain("program not found");
  });

  it("refuses a tools option naming no tool EMR has, with the nearest name", async () => {
    await expect(started({ tools: { "spark-sumbit": "/x" } as never })).rejects.toThrow(
      'startEmulator: tools has no tool "spark-sumbit" (did you mean spark-submit?); it maps spark-submit, hive-script, pig-script, hadoop-streaming',
    );
  });
});
