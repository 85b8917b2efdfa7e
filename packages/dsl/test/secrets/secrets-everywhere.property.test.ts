/**
 * A secret in any position of a request (every member, a key of every object, in the middle of a longer value, cut
 * short by a message, as a program with spaces) shows in no field of any issue or error that emrkit makes of it:
 * validate's issues, fromJson's, checkCliSteps', and the errors of assertValid, the builders, the formats and the
 * pipeline.
 */
import {
  assertValid,
  checkCliSteps,
  fromCliSteps,
  fromJson,
  jobFlow,
  pipeline,
  type StepConfig,
  secret,
  toCliSteps,
  toCloudFormation,
  validate,
  validateSteps,
} from "@emrkit/dsl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leaks, secretText } from "./leaks.js";

type Rec = Record<string, unknown>;
export const RUNS = 300;

/** How a secret goes into a value: as it is, cut by a control character, in a longer value, with spaces. */
const shapes = ["plain", "bell", "inside", "spaced", "long"] as const;
function shaped(value: string, shape: (typeof shapes)[number]): string {
  switch (shape) {
    case "plain":
      return value;
    case "bell":
      return `${value}\u0007`;
    case "inside":
      return `--password=${value}\u0001`;
    case "spaced":
      return `${value} --flag ${value}`;
    case "long":
      return `${"-".repeat(40)}${value}\u0007`;
  }
}

function base(): Rec {
  const step = (name: string) => ({
    Name: name,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: {
      Jar: "command-runner.jar",
      MainClass: "Main",
      Args: ["spark-submit", "--x"],
      Properties: [{ Key: "k", Value: "v" }],
    },
    StepMonitoringConfiguration: {
      S3MonitoringConfiguration: {
        LogUri: "s3://logs-bucket/steps/",
        EncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
    },
  });
  return { JobFlowId: "j-ABC123", Steps: [step("a"), step("b")], ExecutionRoleArn: "arn:aws:iam::123456789012:role/r" };
}

type Put = (request: Rec, value: string) => void;
const step0 = (r: Rec) => (r.Steps as Rec[])[0]!;
const jar0 = (r: Rec) => step0(r).HadoopJarStep as Rec;
const s30 = (r: Rec) => (step0(r).StepMonitoringConfiguration as Rec).S3MonitoringConfiguration as Rec;
const own = (target: Rec, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** Every position of a request, each putting a value there. */
const POSITIONS: Record<string, Put> = {
  JobFlowId: (r, v) => (r.JobFlowId = v),
  ExecutionRoleArn: (r, v) => (r.ExecutionRoleArn = v),
  Name: (r, v) => (step0(r).Name = v),
  "both names": (r, v) => {
    for (const s of r.Steps as Rec[]) s.Name = v;
  },
  ActionOnFailure: (r, v) => (step0(r).ActionOnFailure = v),
  Jar: (r, v) => (jar0(r).Jar = v),
  MainClass: (r, v) => (jar0(r).MainClass = v),
  "the program": (r, v) => ((jar0(r).Args as string[])[0] = v),
  "an argument": (r, v) => ((jar0(r).Args as string[])[1] = v),
  "a property key": (r, v) => ((jar0(r).Properties as Rec[])[0]!.Key = v),
  "a property value": (r, v) => ((jar0(r).Properties as Rec[])[0]!.Value = v),
  LogUri: (r, v) => (s30(r).LogUri = v),
  "LogUri bucket": (r, v) => (s30(r).LogUri = `s3://${v}/logs/`),
  EncryptionKeyArn: (r, v) => (s30(r).EncryptionKeyArn = v),
  "a key of the request": (r, v) => own(r, v, 1),
  "a key of a step": (r, v) => own(step0(r), v, {}),
  "a key of the jar step": (r, v) => own(jar0(r), v, "x"),
  "a key of a property": (r, v) => own((jar0(r).Properties as Rec[])[0]!, v, "x"),
  "a key of the monitoring": (r, v) => own(step0(r).StepMonitoringConfiguration as Rec, v, null),
  "a key of the S3 monitoring": (r, v) => own(s30(r), v, 1),
  "a long argument": (r, v) => (jar0(r).Args = [v.repeat(Math.ceil(10_300 / v.length))]),
};

const cases = fc.record({
  value: secretText,
  shape: fc.constantFrom(...shapes),
  positions: fc.subarray(Object.keys(POSITIONS), { minLength: 1, maxLength: 3 }),
});

/** What emrkit says about a request: issues of every checker, errors of every thrower. */
function everything(request: Rec, cluster: string): unknown[] {
  const out: unknown[] = [];
  // Only errors: what a format or a builder returns is the request itself, secrets and all.
  const catching = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      out.push(error);
    }
  };
  out.push(validate(request).issues, validate(request, { clusterState: cluster }).issues);
  out.push(validateSteps(request.Steps).issues);
  out.push(fromJson(JSON.stringify(request)).issues, fromJson(request.Steps).issues, fromJson(step0(request)).issues);
  catching(() => assertValid(request));
  catching(() =>
    jobFlow("j-1")
      .add(...(request.Steps as StepConfig[]))
      .build(),
  );
  catching(() => (request.Steps as StepConfig[]).reduce((p, s) => p.add(s), pipeline()).build());
  catching(() => toCliSteps(request.Steps as StepConfig[]));
  catching(() => toCloudFormation(request.Steps as StepConfig[], { jobFlowId: "j-1" }));
  catching(() => fromCliSteps(`[{"Name": ${JSON.stringify(cluster)}, "Jar": ]`));
  const cli = (request.Steps as Rec[]).map((s) => {
    const j = s.HadoopJarStep as Rec;
    const { HadoopJarStep: _, StepMonitoringConfiguration: __, ...rest } = s;
    return { ...rest, Jar: j.Jar, Args: j.Args, MainClass: j.MainClass };
  });
  out.push(checkCliSteps(cli).issues, checkCliSteps([{ Type: cluster, Args: ["x"] }]).issues);
  catching(() => fromCliSteps(cli));
  // Reading the input throws, with the secret in the error: an issue, never the secret.
  const throwing: Rec = { JobFlowId: "j-1" };
  Object.defineProperty(throwing, "Steps", {
    enumerable: true,
    get: () => {
      throw new Error(`cannot read ${cluster}`);
    },
  });
  out.push(validate(throwing).issues, fromJson(throwing).issues);
  return out;
}

describe("secrets in every position", () => {
  it(`show in no field of any issue or error (${RUNS} requests)`, () => {
    let said = 0;
    fc.assert(
      fc.property(cases, ({ value, shape, positions }) => {
        const password = secret(value);
        const request = base();
        for (const position of positions) POSITIONS[position]!(request, shaped(password, shape));
        expect(leaks(everything(request, shaped(password, shape)), [value])).toEqual([]);
        if (validate(request).issues.length > 0) said++;
      }),
      { numRuns: RUNS },
    );
    // Most requests had something said about them: the secrets were where issues are.
    expect(said).toBeGreaterThan(RUNS * 0.8);
  });
});
