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
import {
  cliIssue,
  entryPath,
  entryShape,
  paramValidationMessage,
  type ShapeFindings,
} from "../cli/cli-steps-schema.js";
import type { HadoopJarStepConfig, StepConfig } from "../generated/types.generated.js";
import type { Issue } from "../issues/issue.js";
import { redact } from "../secrets/secret.js";
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

/**
 * What the AWS CLI refuses, with its own message (`aws: error: …`, or botocore's `Parameter validation failed:`),
 * redacted; `issues` says the same with paths into the CLI input (`[0].Args`).
 */
export class CliStepsError extends Error {
  override readonly name = "CliStepsError";
  readonly issues: readonly Issue[];

  constructor(message: string, issues: readonly Issue[] = []) {
    super(redact(message));
    this.issues = issues;
  }
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
 * Throws CliStepsError for what the CLI refuses: an unknown key or a wrong type (as its ParamValidator does, with a
 * near-miss suggestion), a missing Jar or Args, an unsupported Type. `checkCliSteps` gives the same as issues.
 * @example fromCliSteps('[{"Type":"Spark","Args":["app.py"]}]')
 * // [{ Name: "Spark application", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit", "app.py"] } }]
 */
export function fromCliSteps(json: unknown, form?: FormOption): StepConfig[] {
  const steps = parsed("fromCliSteps", json);
  if (!Array.isArray(steps)) throw new FormatError("fromCliSteps: the steps must be a JSON list");
  const entries = steps.map((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new FormatError(`fromCliSteps: [${i}] must be an object`);
    }
    return entry as Record<string, unknown>;
  });
  const found: ShapeFindings = { issues: [], lines: [] };
  for (const [i, entry] of entries.entries()) entryShape(entry, i, found);
  if (found.issues.length > 0) throw new CliStepsError(paramValidationMessage(found), found.issues);
  const resolved = formOf(form);
  return entries.map((entry, i) => fromCliStep(entry as CliStep, resolved, i).step);
}

/** A converted entry, and how many arguments the CLI put before the entry's own Args (for issue paths). */
export interface ConvertedCliStep {
  readonly step: StepConfig;
  readonly wrapped: boolean;
  readonly head: number;
}

/** One entry the CLI's shape check passed, as the CLI converts it; throws CliStepsError for what it refuses. */
export function fromCliStep(entry: CliStep, form: CliForm, index: number): ConvertedCliStep {
  const type = (entry.Type ?? "CUSTOM_JAR").toUpperCase();
  if (type === "CUSTOM_JAR") {
    if (!entry.Jar) missing("CUSTOM_JAR", "Jar", index);
    const step = stepOf(entry, "CUSTOM_JAR", {
      Jar: entry.Jar!,
      Args: entry.Args,
      MainClass: entry.MainClass,
      Properties: entry.Properties === undefined ? undefined : parsePropertiesString(entry.Properties),
    });
    return { step, wrapped: false, head: 0 };
  }
  if (type === "IMPALA") return impala(entry, form, index);
  if (type !== "SPARK" && type !== "HIVE" && type !== "PIG" && type !== "STREAMING") {
    // Redacted before it is lower-cased, as the CLI prints it: a secret lower-cased is no longer known as one.
    const shown = redact(entry.Type ?? "").toLowerCase();
    const message = `aws: error: The step type ${shown} is not supported.`;
    throw new CliStepsError(message, [
      cliIssue("enum", entryPath(index, "Type"), `is ${shown}, which the AWS CLI does not support (${message})`),
    ]);
  }
  const args = entry.Args;
  if (!args?.length) missing(type, "Args", index);
  if (type !== "SPARK" && args!.length === 1 && args![0]!.trim() === "") {
    const message = "aws: error: The parameter Args cannot be an empty list.";
    throw new CliStepsError(message, [
      cliIssue("length", entryPath(index, "Args"), `holds one blank argument, which the AWS CLI refuses (${message})`),
    ]);
  }
  const jarStep = wrappedHadoopJarStep(type, args!, form);
  return { step: stepOf(entry, type, jarStep), wrapped: true, head: (jarStep.Args?.length ?? 0) - args!.length };
}

/** Impala exists only on AMI clusters; on release-label clusters the CLI refuses the type. */
function impala(entry: CliStep, form: CliForm, index: number): ConvertedCliStep {
  if (!form.ami) {
    const message = "aws: error: The step type impala is not supported.";
    throw new CliStepsError(message, [
      cliIssue(
        "enum",
        entryPath(index, "Type"),
        `is impala, which the AWS CLI supports on AMI clusters only (${message})`,
      ),
    ]);
  }
  if (!entry.Args?.length) missing("IMPALA", "Args", index);
  const head = [emrS3Link(form.region, "/libs/impala/setup-impala"), "--run-impala-script"];
  const step = stepOf(entry, "IMPALA", { Jar: scriptRunnerJar(form.region), Args: [...head, ...entry.Args!] });
  return { step, wrapped: true, head: head.length };
}

function missing(type: keyof typeof CONFIG_NAMES, member: string, index: number): never {
  const message = `aws: error: The following required parameters are missing for ${CONFIG_NAMES[type]}: ${member}.`;
  throw new CliStepsError(message, [
    cliIssue("required", entryPath(index, member), `is required for a ${type} step (${message})`),
  ]);
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
