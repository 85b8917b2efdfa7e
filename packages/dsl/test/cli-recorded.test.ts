/**
 * The step kinds and fromCliSteps against what the real AWS CLI sent (recorded against moto by
 * fixtures/record-cli-steps.ts; re-record after changing fixtures/cli-cases.ts).
 */
import { readFileSync } from "node:fs";
import {
  type CliStep,
  CliStepsError,
  fromCliSteps,
  hive,
  pig,
  type ReadyStep,
  type StepConfig,
  s3DistCp,
  script,
  spark,
  step,
  streaming,
  validateSteps,
} from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

/** A CliStepsError with exactly the CLI's message (its issues are checked in formats/cli-steps-check.test.ts). */
const cliError = (message: string) => expect.objectContaining({ constructor: CliStepsError, message });

interface Recorded {
  name: string;
  cli: CliStep[];
  sent?: StepConfig[];
  readBack?:
    | {
        Name: string;
        ActionOnFailure: string;
        Config: { Jar: string; Args: string[]; Properties: Record<string, string> };
      }[]
    | null;
  error?: string;
}

const recorded = JSON.parse(readFileSync(new URL("./fixtures/recorded/cli-steps.json", import.meta.url), "utf8")) as {
  release: Recorded[];
  errors: Recorded[];
  ami: { cluster: { ReleaseLabel?: string; RequestedAmiVersion?: string }; cases: Recorded[] };
};
const byName = (cases: Recorded[], name: string) => cases.find((c) => c.name === name)!;

describe("fromCliSteps gives what the AWS CLI sent", () => {
  it.each(recorded.release.map((c) => [c.name, c] as const))("release label: %s", (_, c) => {
    const steps = fromCliSteps(c.cli);
    expect(steps).toEqual(c.sent);
    for (const [i, back] of (c.readBack ?? []).entries()) {
      const sent = steps[i]!;
      expect(back.Name).toBe(sent.Name);
      // Without one, the server applies its own default (moto, like EMR, TERMINATE_CLUSTER).
      if (sent.ActionOnFailure !== undefined) expect(back.ActionOnFailure).toBe(sent.ActionOnFailure);
      expect(back.Config.Jar).toBe(sent.HadoopJarStep.Jar);
      expect(back.Config.Args).toEqual(sent.HadoopJarStep.Args ?? []);
      const properties = Object.fromEntries((sent.HadoopJarStep.Properties ?? []).map((p) => [p.Key, p.Value]));
      expect(back.Config.Properties).toEqual(properties);
    }
  });

  it.each(recorded.ami.cases.map((c) => [c.name, c] as const))("AMI cluster: %s", (_, c) => {
    expect(recorded.ami.cluster.ReleaseLabel).toBeUndefined();
    expect(fromCliSteps(c.cli, { ami: true })).toEqual(c.sent);
  });

  it.each(recorded.errors.map((c) => [c.name, c] as const))("refused: %s", (_, c) => {
    if (c.error!.startsWith("aws: error:")) {
      expect(() => fromCliSteps(c.cli)).toThrow(cliError(c.error!));
    } else {
      // The CLI left a member out and the SDK refused the request: validate says the same.
      const missing = /Missing required parameter in (Steps\[\d+\]): "(\w+)"/.exec(c.error!)!;
      expect(validateSteps(fromCliSteps(c.cli)).issues).toContainEqual(
        expect.objectContaining({ code: "required", path: `${missing[1]}.${missing[2]}` }),
      );
    }
  });
});

describe("the step kinds give what the AWS CLI sent", () => {
  const kms = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  const release: [string, ReadyStep][] = [
    ["custom jar, defaults", step("Custom JAR").jar("s3://bucket/etl.jar")],
    [
      "custom jar, every member",
      step("etl")
        .onFailure("CANCEL_AND_WAIT")
        .jar("s3://bucket/etl.jar")
        .mainClass("com.example.Etl")
        .args("--day", "2024-01-01")
        .properties({ a: "1", b: "", c: "x=y" })
        .monitoring({ logUri: "s3://logs-bucket/etl/", encryptionKeyArn: kms }),
    ],
    [
      "spark",
      spark("wc")
        .deployMode("cluster")
        .class("com.example.WordCount")
        .conf("spark.executor.memory", "4g")
        .app("s3://bucket/wc.jar", "s3://in/"),
    ],
    ["spark, lower-case type, default name", spark("Spark application").app("s3://bucket/app.py")],
    ["hive", hive("q").script("s3://bucket/q.hql").variable("INPUT", "s3://in/")],
    ["pig", pig("Pig program").script("s3://bucket/p.pig").param("X", "1")],
    [
      "streaming",
      streaming("s").files("s3://bucket/m.py").mapper("m.py").reducer("aggregate").input("s3://i/").output("s3://o/"),
    ],
    ["command-runner s3-dist-cp", s3DistCp("cp").src("s3://a/in/").dest("hdfs:///in/")],
    ["script-runner", script("sh", "s3://bucket/x.sh", ["a"])],
  ];
  it.each(release)("release label: %s", (name, builder) => {
    expect([builder.build()]).toEqual(byName(recorded.release, name).sent);
  });

  const ami: [string, ReadyStep][] = [
    ["ami hive", hive("Hive program", { ami: true }).script("s3://bucket/q.hql")],
    ["ami pig", pig("Pig program", { ami: true }).script("s3://bucket/p.pig")],
    ["ami spark", spark("Spark application", { ami: true }).app("s3://bucket/app.py")],
    ["ami streaming", streaming("Streaming program", { ami: true }).input("s3://i/").output("s3://o/").mapper("cat")],
  ];
  it.each(ami)("AMI cluster: %s", (name, builder) => {
    expect([builder.build()]).toEqual(byName(recorded.ami.cases, name).sent);
  });
});
