/**
 * `AWS::EMR::Step` resources (CloudFormation Template Reference, AWS::EMR::Step): Name, ActionOnFailure,
 * JobFlowId and HadoopJarStep are all required there, and the step's properties are spelled `StepProperties`.
 * ActionOnFailure is CANCEL_AND_WAIT or CONTINUE only ("Possible values are CANCEL_AND_WAIT and CONTINUE"): a step
 * that would shut the cluster down is refused, not written for CloudFormation to refuse at deploy time. A step's
 * StepMonitoringConfiguration.S3MonitoringConfiguration is there as two flat properties, `LogUri` and
 * `EncryptionKeyArn` ("When omitted, EMR falls back to cluster-level logging behavior"; Template Reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-emr-step.html), and read back
 * into it; a StepMonitoringConfiguration with anything else in it is refused by name.
 * CloudFormation creates resources in parallel unless told otherwise, so each step DependsOn the one before it,
 * which keeps the order EMR would run them in.
 */
import type { StepConfig } from "../generated/types.generated.js";
import { FormatError, parsed } from "./format-error.js";
import { valueKind } from "./value-kind.js";

/** The ActionOnFailure values AWS::EMR::Step takes. */
export const CLOUDFORMATION_STEP_ACTIONS = ["CANCEL_AND_WAIT", "CONTINUE"] as const;

/** A JobFlowId: a cluster id, or an intrinsic such as `{ Ref: "Cluster" }`. */
export type CfnValue = string | Readonly<Record<string, unknown>>;

export interface CfnStepResource {
  Type: "AWS::EMR::Step";
  DependsOn?: string;
  Properties: {
    Name: string;
    ActionOnFailure: string;
    JobFlowId: CfnValue;
    HadoopJarStep: {
      Jar: string;
      MainClass?: string;
      Args?: string[];
      StepProperties?: { Key: string; Value: string }[];
    };
    LogUri?: string;
    EncryptionKeyArn?: string;
  };
}

export interface CfnTemplate {
  Resources: Record<string, CfnStepResource>;
}

/**
 * A template fragment with one AWS::EMR::Step per step, chained by DependsOn.
 * @example toCloudFormation(steps, { jobFlowId: { Ref: "Cluster" } }).Resources.EmrStep1.Properties.HadoopJarStep
 */
export function toCloudFormation(
  steps: readonly StepConfig[],
  options: { jobFlowId: CfnValue; logicalIdPrefix?: string },
): CfnTemplate {
  const prefix = options.logicalIdPrefix ?? "EmrStep";
  if (!/^[A-Za-z0-9]+$/.test(prefix)) throw new FormatError("toCloudFormation: logicalIdPrefix must be alphanumeric");
  const Resources: Record<string, CfnStepResource> = {};
  steps.forEach((step, i) => {
    const where = `toCloudFormation: Steps[${i}]`;
    const action = step.ActionOnFailure;
    if (action === undefined) throw new FormatError(`${where}.ActionOnFailure is required by AWS::EMR::Step`);
    if (!(CLOUDFORMATION_STEP_ACTIONS as readonly string[]).includes(action)) {
      throw new FormatError(
        `${where}.ActionOnFailure is ${action}, which AWS::EMR::Step does not take (only ${CLOUDFORMATION_STEP_ACTIONS.join(" or ")}); a step that shuts the cluster down on failure cannot be a CloudFormation resource`,
      );
    }
    const logging = s3Logging(step, where);
    const { Jar, MainClass, Args, Properties } = step.HadoopJarStep;
    const hadoop: CfnStepResource["Properties"]["HadoopJarStep"] = { Jar };
    if (MainClass !== undefined) hadoop.MainClass = MainClass;
    if (Args !== undefined) hadoop.Args = [...Args];
    if (Properties !== undefined) {
      hadoop.StepProperties = Properties.map((p, k) => {
        if (p.Key === undefined || p.Value === undefined) {
          throw new FormatError(`${where}.HadoopJarStep.Properties[${k}] needs both Key and Value in CloudFormation`);
        }
        return { Key: p.Key, Value: p.Value };
      });
    }
    const resource: CfnStepResource = {
      Type: "AWS::EMR::Step",
      Properties: {
        Name: step.Name,
        ActionOnFailure: action,
        JobFlowId: options.jobFlowId,
        HadoopJarStep: hadoop,
        ...logging,
      },
    };
    if (i > 0) resource.DependsOn = `${prefix}${i}`;
    Resources[`${prefix}${i + 1}`] = resource;
  });
  return { Resources };
}

/** The steps of a template's AWS::EMR::Step resources, in the order of their DependsOn chain. */
export function fromCloudFormation(template: unknown): StepConfig[] {
  const value = parsed("fromCloudFormation", template) as { Resources?: Record<string, CfnStepResource> };
  // Resources is a template's one required section (CloudFormation User Guide, "Template sections",
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html): without it, or for no
  // object at all, this is no template, which read as one without steps would deploy nothing, silently.
  const got = isPlainObject(value)
    ? value.Resources === undefined
      ? "one without Resources"
      : isPlainObject(value.Resources)
        ? undefined
        : `one whose Resources is ${valueKind(value.Resources)}`
    : valueKind(value);
  if (got !== undefined) {
    throw new FormatError(`fromCloudFormation: the template must be an object with a Resources object, but is ${got}`);
  }
  const resources = Object.entries(value.Resources!).filter(([, r]) => r?.Type === "AWS::EMR::Step");
  const byId = new Map(resources);
  const next = new Map<string, string>();
  for (const [id, r] of resources)
    if (typeof r.DependsOn === "string" && byId.has(r.DependsOn)) next.set(r.DependsOn, id);
  const firsts = resources.filter(([, r]) => r.DependsOn === undefined || !byId.has(r.DependsOn)).map(([id]) => id);
  const order: string[] = [];
  for (const first of firsts)
    for (let id: string | undefined = first; id !== undefined; id = next.get(id)) order.push(id);
  return order.map((id) => {
    const { Name, ActionOnFailure, HadoopJarStep, LogUri, EncryptionKeyArn } = byId.get(id)!.Properties;
    const { StepProperties, ...rest } = HadoopJarStep;
    const hadoop = StepProperties === undefined ? { ...rest } : { ...rest, Properties: StepProperties };
    const step = { Name, ActionOnFailure, HadoopJarStep: hadoop } as StepConfig;
    if (LogUri === undefined && EncryptionKeyArn === undefined) return step;
    const s3 = {
      ...(LogUri === undefined ? {} : { LogUri }),
      ...(EncryptionKeyArn === undefined ? {} : { EncryptionKeyArn }),
    };
    return { ...step, StepMonitoringConfiguration: { S3MonitoringConfiguration: s3 } };
  });
}

/** A step's S3 logging as AWS::EMR::Step's LogUri and EncryptionKeyArn; anything else of its monitoring is refused. */
function s3Logging(step: StepConfig, where: string): { LogUri?: string; EncryptionKeyArn?: string } {
  const monitoring = step.StepMonitoringConfiguration;
  if (monitoring === undefined) return {};
  const { S3MonitoringConfiguration: s3, ...other } = monitoring;
  const extra = Object.keys(other)[0] ?? Object.keys(s3 ?? {}).find((k) => k !== "LogUri" && k !== "EncryptionKeyArn");
  if (extra !== undefined) {
    throw new FormatError(
      `${where}.StepMonitoringConfiguration has ${extra}, which AWS::EMR::Step cannot express: it takes LogUri and EncryptionKeyArn only`,
    );
  }
  const out: { LogUri?: string; EncryptionKeyArn?: string } = {};
  if (s3?.LogUri !== undefined) out.LogUri = s3.LogUri;
  if (s3?.EncryptionKeyArn !== undefined) out.EncryptionKeyArn = s3.EncryptionKeyArn;
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
