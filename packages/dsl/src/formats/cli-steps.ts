/**
 * The AWS CLI's `--steps` JSON, both ways, following awscli/customizations/emr/steputils.py and emrutils.py:
 * `Type` (any case, default CUSTOM_JAR), default names per type, ActionOnFailure CONTINUE, `Properties` as
 * "k=v,k2", and the CLI's own errors for what it refuses. Like the CLI, empty strings and empty lists are left
 * out (it only sets a member whose value is truthy).
 */

import {
  CLI_DEFAULT_NAMES,
  type CliForm,
  emrS3Link,
  type FormOption,
  formOf,
  scriptRunnerJar,
  unwrapHadoopJarStep,
  type WrappedCliType,
  wrappedHadoopJarStep,
} from "../cli/cli-step-types.js";
import type { HadoopJarStepConfig, StepConfig } from "../generated/types.generated.js";
import { FormatError, parsed } from "./format-error.js";
import { formatPropertiesString, parsePropertiesString } from "./properties-string.js";

/** One entry of `aws emr add-steps --steps`. */
export interface CliStep {
  Type?: string;
  Name?: string;
  ActionOnFailure?: string;
  Jar?: string;
  MainClass?: string;
  Args?: string[];
  Properties?: string;
  LogUri?: string;
  EncryptionKeyArn?: string;
}

/** What the AWS CLI refuses, with its own message (`aws: error: …`). */
export class CliStepsError extends Error {
  override readonly name = "CliStepsError";
}

const CONFIG_NAMES = {
  CUSTOM_JAR: "CustomJARStepConfig",
  SPARK: "SparkStepConfig",
  HIVE: "HiveStepConfig",
  PIG: "PigStepConfig",
  STREAMING: "StreamingStepConfig",
  IMPALA: "ImpalaStepConfig",
} as const;

/**
 * The StepConfigs `aws emr add-steps --steps <json>` sends, for a release-label cluster (or `{ ami: true, region }`).
 * @example fromCliSteps('[{"Type":"Spark","Args":["app.py"]}]')
 * // [{ Name: "Spark application", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit", "app.py"] } }]
 */
export function fromCliSteps(json: unknown, form?: FormOption): StepConfig[] {
  const steps = parsed("fromCliSteps", json);
  if (!Array.isArray(steps)) throw new FormatError("fromCliSteps: the steps must be a JSON list");
  const resolved = formOf(form);
  return steps.map((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new FormatError(`fromCliSteps: [${i}] must be an object`);
    }
    return fromCliStep(entry as CliStep, resolved);
  });
}

function fromCliStep(entry: CliStep, form: CliForm): StepConfig {
  const type = (entry.Type ?? "CUSTOM_JAR").toUpperCase();
  if (type === "CUSTOM_JAR") {
    if (!entry.Jar) missing("CUSTOM_JAR", "Jar");
    return stepOf(entry, "CUSTOM_JAR", {
      Jar: entry.Jar!,
      Args: entry.Args,
      MainClass: entry.MainClass,
      Properties: entry.Properties === undefined ? undefined : parsePropertiesString(entry.Properties),
    });
  }
  if (type === "IMPALA") return impala(entry, form);
  if (type !== "SPARK" && type !== "HIVE" && type !== "PIG" && type !== "STREAMING") {
    throw new CliStepsError(`aws: error: The step type ${type.toLowerCase()} is not supported.`);
  }
  const args = entry.Args;
  if (!args?.length) missing(type, "Args");
  if (type !== "SPARK" && args!.length === 1 && args![0]!.trim() === "") {
    throw new CliStepsError("aws: error: The parameter Args cannot be an empty list.");
  }
  return stepOf(entry, type, wrappedHadoopJarStep(type, args!, form));
}

/** Impala exists only on AMI clusters; on release-label clusters the CLI refuses the type. */
function impala(entry: CliStep, form: CliForm): StepConfig {
  if (!form.ami) throw new CliStepsError("aws: error: The step type impala is not supported.");
  if (!entry.Args?.length) missing("IMPALA", "Args");
  const head = [emrS3Link(form.region, "/libs/impala/setup-impala"), "--run-impala-script"];
  return stepOf(entry, "IMPALA", { Jar: scriptRunnerJar(form.region), Args: [...head, ...entry.Args!] });
}

function missing(type: keyof typeof CONFIG_NAMES, member: string): never {
  throw new CliStepsError(
    `aws: error: The following required parameters are missing for ${CONFIG_NAMES[type]}: ${member}.`,
  );
}

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Sets each member only when truthy, as the CLI's apply_dict does. */
function stepOf(entry: CliStep, type: keyof typeof CONFIG_NAMES, jar: Loose<HadoopJarStepConfig>): StepConfig {
  const step: Record<string, unknown> = {};
  const name = entry.Name ?? (type === "IMPALA" ? "Impala program" : CLI_DEFAULT_NAMES[type]);
  if (name) step.Name = name;
  const action = entry.ActionOnFailure ?? "CONTINUE";
  if (action) step.ActionOnFailure = action;
  const hadoop: Record<string, unknown> = { Jar: jar.Jar };
  if (jar.Args?.length) hadoop.Args = [...jar.Args];
  if (jar.MainClass) hadoop.MainClass = jar.MainClass;
  if (jar.Properties?.length) hadoop.Properties = jar.Properties;
  step.HadoopJarStep = hadoop;
  const s3: Record<string, string> = {};
  if (entry.LogUri) s3.LogUri = entry.LogUri;
  if (entry.EncryptionKeyArn) s3.EncryptionKeyArn = entry.EncryptionKeyArn;
  if (Object.keys(s3).length > 0) step.StepMonitoringConfiguration = { S3MonitoringConfiguration: s3 };
  return step as unknown as StepConfig;
}

/**
 * The `--steps` entries for steps, for `aws emr add-steps --steps file://…`: the CLI's types where a step is one
 * of their forms, CUSTOM_JAR otherwise. Throws FormatError for what the CLI cannot express (an empty name, a
 * property key with "=" or ",", …), naming the step and member.
 */
export function toCliSteps(steps: readonly StepConfig[], form?: FormOption): CliStep[] {
  const resolved = formOf(form);
  return steps.map((step, i) => toCliStep(step, i, resolved));
}

function toCliStep(step: StepConfig, i: number, form: CliForm): CliStep {
  const where = `toCliSteps: Steps[${i}]`;
  const refuse = (member: string, why: string): never => {
    throw new FormatError(`${where}.${member} ${why}`);
  };
  const entry: CliStep = {};
  const jar = step.HadoopJarStep;
  const wrapped = wrappedType(jar, form);
  if (wrapped === undefined) {
    entry.Type = "CUSTOM_JAR";
    if (!jar.Jar) refuse("HadoopJarStep.Jar", "is empty, which the CLI refuses");
    entry.Jar = jar.Jar;
    if (jar.MainClass !== undefined) {
      if (!jar.MainClass) refuse("HadoopJarStep.MainClass", "is empty, which the CLI leaves out");
      entry.MainClass = jar.MainClass;
    }
    if (jar.Args !== undefined) {
      if (jar.Args.length === 0) refuse("HadoopJarStep.Args", "is an empty list, which the CLI leaves out");
      entry.Args = [...jar.Args];
    }
    if (jar.Properties !== undefined)
      entry.Properties = formatPropertiesString(jar.Properties, `${where}.HadoopJarStep`);
  } else {
    entry.Type = wrapped.type;
    entry.Args = wrapped.args;
  }
  if (!step.Name) refuse("Name", "is empty, which the CLI replaces with a default name");
  entry.Name = step.Name;
  if (step.ActionOnFailure !== undefined) entry.ActionOnFailure = step.ActionOnFailure;
  const s3 = step.StepMonitoringConfiguration?.S3MonitoringConfiguration;
  if (step.StepMonitoringConfiguration !== undefined && !s3?.LogUri && !s3?.EncryptionKeyArn) {
    refuse("StepMonitoringConfiguration", "has no LogUri or EncryptionKeyArn, which the CLI cannot send");
  }
  if (s3?.LogUri !== undefined) entry.LogUri = s3.LogUri || refuse("LogUri", "is empty, which the CLI leaves out");
  if (s3?.EncryptionKeyArn !== undefined) {
    entry.EncryptionKeyArn = s3.EncryptionKeyArn || refuse("EncryptionKeyArn", "is empty, which the CLI leaves out");
  }
  return entry;
}

/** The CLI type of a HadoopJarStep when the CLI would send exactly it for that type and its Args. */
function wrappedType(jar: HadoopJarStepConfig, form: CliForm): { type: WrappedCliType; args: string[] } | undefined {
  const found = unwrapHadoopJarStep(jar);
  if (found === undefined || found.form.ami !== form.ami || (form.ami && found.form.region !== form.region)) return;
  const { type, args } = found;
  // The CLI refuses these for a typed step; CUSTOM_JAR can still send them.
  if (args.length === 0 || (type !== "SPARK" && args.length === 1 && args[0]!.trim() === "")) return;
  return { type, args };
}
