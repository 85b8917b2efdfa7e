/**
 * How `aws emr add-steps` turns a `--steps` entry of each `Type` into a HadoopJarStep, following
 * awscli/customizations/emr/steputils.py: on release-label clusters every type but CUSTOM_JAR runs through
 * command-runner.jar; on AMI (2.x/3.x) clusters through script-runner.jar at the region's path, or the streaming
 * jar. The step kinds and `fromCliSteps` both use this one table, so they cannot disagree.
 */
import type { HadoopJarStepConfig } from "../generated/types.generated.js";

export const COMMAND_RUNNER = "command-runner.jar";
export const DEFAULT_REGION = "us-east-1";
const AMI_STREAMING_JAR = "/home/hadoop/contrib/streaming/hadoop-streaming.jar";
const AMI_SPARK_SUBMIT = "/home/hadoop/spark/bin/spark-submit";

/** Which forms the CLI picks: a cluster with a ReleaseLabel, or an AMI-era one (and its region). */
export interface CliForm {
  readonly ami: boolean;
  readonly region: string;
}

export const RELEASE_LABEL_FORM: CliForm = Object.freeze({ ami: false, region: DEFAULT_REGION });

/** What the user may pass to choose a form: `{ ami: true, region: "eu-west-1" }`. */
export interface FormOption {
  readonly ami?: boolean;
  readonly region?: string;
}

export function formOf(option: FormOption | undefined): CliForm {
  if (option === undefined || (option.ami !== true && option.region === undefined)) return RELEASE_LABEL_FORM;
  return Object.freeze({ ami: option.ami === true, region: option.region ?? DEFAULT_REGION });
}

/** `s3://<region>.elasticmapreduce<path>`: where EMR keeps its per-region tools. */
export function emrS3Link(region: string, path: string): string {
  return `s3://${region}.elasticmapreduce${path}`;
}

/** script-runner.jar of a region. */
export function scriptRunnerJar(region: string = DEFAULT_REGION): string {
  return emrS3Link(region, "/libs/script-runner/script-runner.jar");
}

/** The CLI step types that wrap their Args (CUSTOM_JAR passes Jar and Args through). */
export type WrappedCliType = "SPARK" | "HIVE" | "PIG" | "STREAMING";

/** Default `Name` per type when the CLI entry has none. */
export const CLI_DEFAULT_NAMES = {
  CUSTOM_JAR: "Custom JAR",
  SPARK: "Spark application",
  HIVE: "Hive program",
  PIG: "Pig program",
  STREAMING: "Streaming program",
} as const;

/** The HadoopJarStep the CLI sends for a wrapped type and its Args. */
export function wrappedHadoopJarStep(
  type: WrappedCliType,
  args: readonly string[],
  form: CliForm,
): HadoopJarStepConfig {
  const { ami, region } = form;
  switch (type) {
    case "SPARK":
      return ami
        ? { Jar: scriptRunnerJar(region), Args: [AMI_SPARK_SUBMIT, ...args] }
        : { Jar: COMMAND_RUNNER, Args: ["spark-submit", ...args] };
    case "STREAMING":
      return ami
        ? { Jar: AMI_STREAMING_JAR, Args: [...args] }
        : { Jar: COMMAND_RUNNER, Args: ["hadoop-streaming", ...args] };
    case "HIVE":
    case "PIG": {
      const tool = type === "HIVE" ? "hive" : "pig";
      return ami
        ? {
            Jar: scriptRunnerJar(region),
            Args: [
              emrS3Link(region, `/libs/${tool}/${tool}-script`),
              `--run-${tool}-script`,
              `--${tool}-versions`,
              "latest",
              "--args",
              ...args,
            ],
          }
        : { Jar: COMMAND_RUNNER, Args: [`${tool}-script`, `--run-${tool}-script`, "--args", ...args] };
    }
  }
}

/** The CLI Args of a wrapped step, or undefined when the HadoopJarStep is not one of these forms. */
export function unwrapHadoopJarStep(
  jarStep: HadoopJarStepConfig,
): { type: WrappedCliType; args: string[]; form: CliForm } | undefined {
  if (jarStep.MainClass !== undefined || jarStep.Properties !== undefined) return undefined;
  const args = jarStep.Args ?? [];
  for (const type of ["SPARK", "HIVE", "PIG", "STREAMING"] as const) {
    for (const form of candidateForms(jarStep.Jar)) {
      const prefix = wrappedHadoopJarStep(type, [], form);
      const head = prefix.Args ?? [];
      if (prefix.Jar !== jarStep.Jar || args.length < head.length) continue;
      if (head.every((arg, i) => args[i] === arg)) return { type, args: args.slice(head.length), form };
    }
  }
  return undefined;
}

function candidateForms(jar: string): CliForm[] {
  if (jar === COMMAND_RUNNER) return [RELEASE_LABEL_FORM];
  if (jar === AMI_STREAMING_JAR) return [{ ami: true, region: DEFAULT_REGION }];
  const match = /^s3:\/\/([a-z0-9-]+)\.elasticmapreduce\/libs\/script-runner\/script-runner\.jar$/.exec(jar);
  return match === null ? [] : [{ ami: true, region: match[1]! }];
}
