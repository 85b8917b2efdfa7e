/**
 * Valid requests with exactly one mistake, and the issue it must give: its code and path, and the cluster context
 * the rule needs. `validate(request, context)` must report exactly that one error.
 */
import fc from "fast-check";
import type { AddJobFlowStepsInput, StepConfig } from "../generated/types.generated.js";
import type { IssueCode } from "../issues/issue.js";
import type { ValidationContext } from "../rules/rule.js";
import { validRequest } from "./valid.js";

export interface OneViolation {
  readonly request: AddJobFlowStepsInput;
  readonly context: ValidationContext;
  readonly code: IssueCode;
  readonly path: string;
}

type Mutable = { -readonly [K in keyof StepConfig]: StepConfig[K] } & Record<string, unknown>;
type Break = (request: AddJobFlowStepsInput, i: number) => Omit<OneViolation, "request"> | undefined;

const at = (i: number, rest: string) => `Steps[${i}].${rest}`;
const stepOf = (request: AddJobFlowStepsInput, i: number) => request.Steps[i] as Mutable;

/** Each way to break a request, by the code it must give; each mutates a deep copy. */
const BREAKS: Record<string, Break> = {
  required: (r, i) => {
    delete (stepOf(r, i).HadoopJarStep as { Jar?: string }).Jar;
    return { code: "required", path: at(i, "HadoopJarStep.Jar"), context: {} };
  },
  type: (r, i) => {
    stepOf(r, i).Name = 42 as unknown as string;
    return { code: "type", path: at(i, "Name"), context: {} };
  },
  length: (r, i) => {
    stepOf(r, i).Name = "n".repeat(257);
    return { code: "length", path: at(i, "Name"), context: {} };
  },
  pattern: (r, i) => {
    stepOf(r, i).HadoopJarStep.Args = ["ok", "bell\u0007"];
    return { code: "pattern", path: at(i, "HadoopJarStep.Args[1]"), context: {} };
  },
  enum: (r, i) => {
    stepOf(r, i).ActionOnFailure = "RETRY" as StepConfig["ActionOnFailure"];
    return { code: "enum", path: at(i, "ActionOnFailure"), context: {} };
  },
  "unknown-member": (r, i) => {
    stepOf(r, i).hadoop_jar_step = {};
    return { code: "unknown-member", path: at(i, "hadoop_jar_step"), context: {} };
  },
  "too-many-steps": (r) => {
    const template = r.Steps[0]!;
    r.Steps = Array.from({ length: 257 }, (_, k) => ({ ...template, Name: `step ${k}` }));
    return { code: "too-many-steps", path: "Steps", context: {} };
  },
  "too-many-active-steps": (r) => ({
    code: "too-many-steps",
    path: "Steps",
    context: { activeSteps: 257 - r.Steps.length },
  }),
  "hadoop-jar-step-too-long": (r, i) => {
    const jar = stepOf(r, i).HadoopJarStep;
    jar.Jar = "j";
    delete jar.MainClass;
    delete jar.Properties;
    jar.Args = ["a".repeat(5_120), "b".repeat(5_120)];
    return { code: "hadoop-jar-step-too-long", path: at(i, "HadoopJarStep"), context: {} };
  },
  "invalid-arn": (r) => {
    r.ExecutionRoleArn = "arn:aws:iam::123456789012:user/someone";
    return { code: "invalid-arn", path: "ExecutionRoleArn", context: {} };
  },
  "invalid-s3-uri": (r, i) => {
    stepOf(r, i).StepMonitoringConfiguration = { S3MonitoringConfiguration: { LogUri: "https://logs.example.com/" } };
    return {
      code: "invalid-s3-uri",
      path: at(i, "StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri"),
      context: {},
    };
  },
  "invalid-kms-key-arn": (r, i) => {
    stepOf(r, i).StepMonitoringConfiguration = { S3MonitoringConfiguration: { EncryptionKeyArn: "alias/logs" } };
    return {
      code: "invalid-kms-key-arn",
      path: at(i, "StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn"),
      context: {},
    };
  },
  "action-on-failure-with-concurrency": (r, i) => {
    for (const step of r.Steps) (step as Mutable).ActionOnFailure = "CONTINUE";
    stepOf(r, i).ActionOnFailure = "CANCEL_AND_WAIT";
    return {
      code: "action-on-failure-with-concurrency",
      path: at(i, "ActionOnFailure"),
      context: { stepConcurrencyLevel: 4 },
    };
  },
  "cluster-state": () => ({ code: "cluster-state", path: "JobFlowId", context: { clusterState: "TERMINATING" } }),
};

/** The kinds of violation `requestWithOneViolation` makes. */
export const VIOLATIONS = Object.keys(BREAKS);

/** A valid request with exactly one violation (of `kind`, or any), and the issue it must give. */
export function requestWithOneViolation(kind?: string): fc.Arbitrary<OneViolation> {
  const kinds = kind === undefined ? VIOLATIONS : [kind];
  return fc.tuple(validRequest(), fc.constantFrom(...kinds), fc.nat()).map(([request, name, n]) => {
    const copy = structuredClone(request);
    const i = n % copy.Steps.length;
    const expected = BREAKS[name]!(copy, i)!;
    return { request: copy, ...expected };
  });
}
