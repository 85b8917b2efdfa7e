/**
 * fast-check arbitraries of valid EMR data: every value they make passes `validate` with no error (warnings may
 * occur, as with real pipelines). Users property-test their own pipelines with them; emrkit's tests use the same.
 */
import fc from "fast-check";
import type { ActionOnFailure, AddJobFlowStepsInput, KeyValue, StepConfig } from "../generated/types.generated.js";

/** Characters of the model's XML pattern, with tabs, newlines, accents and astral characters among them. */
const xmlChar = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom("\t", "\n", "é", "中", "😀", "\ufffd") },
);

/** A string the model accepts, of at most `maxLength` code points. */
export function xmlString(options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: xmlChar, minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 40 });
}

/** Token-like text without spaces or separators: safe in every format (CLI Properties included). */
const word = fc.stringMatching(/^[A-Za-z0-9._/:-]{1,24}$/);

export const actionOnFailure: fc.Arbitrary<ActionOnFailure> = fc.constantFrom(
  "CONTINUE",
  "CANCEL_AND_WAIT",
  "TERMINATE_CLUSTER",
);

export const roleArn: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"),
    fc.stringMatching(/^\d{12}$/),
    fc.constantFrom("", "/", "/service-role/", "/division_abc/subdivision_xyz/"),
    fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
  )
  .map(([partition, account, path, name]) => `arn:${partition}:iam::${account}:role${path || "/"}${name}`);

/** Bucket names S3's rules allow today: dots between labels, none of the reserved prefixes. */
const bucket = fc
  .array(fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 })
  .map((labels) => labels.join("."))
  .filter((name) => name.length >= 3 && !/^(?:xn--|sthree-|amzn-s3-demo-)/.test(name));

export const logUri: fc.Arbitrary<string> = fc
  .tuple(bucket, fc.stringMatching(/^[A-Za-z0-9/_-]{0,20}$/))
  .map(([name, key]) => `s3://${name}/${key}`);

/** A partition and one of its regions. */
const partitionRegion = fc.constantFrom(
  ["aws", "us-east-1"],
  ["aws", "eu-west-1"],
  ["aws-cn", "cn-north-1"],
  ["aws-us-gov", "us-gov-west-1"],
  ["aws-iso-b", "us-isob-east-1"],
);

/** KMS key ARNs of every partition: keys, multi-Region keys and aliases. */
export const kmsKeyArn: fc.Arbitrary<string> = fc
  .tuple(
    partitionRegion,
    fc.stringMatching(/^\d{12}$/),
    fc.oneof(
      fc.uuid().map((id) => `key/${id}`),
      fc.stringMatching(/^[0-9a-f]{32}$/).map((hex) => `key/mrk-${hex}`),
      fc.stringMatching(/^[A-Za-z0-9/_-]{1,40}$/).map((name) => `alias/${name}`),
    ),
  )
  .map(([[partition, region], account, resource]) => `arn:${partition}:kms:${region}:${account}:${resource}`);

const keyValue: fc.Arbitrary<KeyValue> = fc.record({ Key: word, Value: fc.oneof(word, fc.constant("")) });

/** The actions every format can express: AWS::EMR::Step takes no TERMINATE_CLUSTER. */
const portableAction: fc.Arbitrary<ActionOnFailure> = fc.constantFrom("CONTINUE", "CANCEL_AND_WAIT");

/** A valid StepConfig; `{ portable: true }` keeps to what every format can express (CLI, CloudFormation). */
export function validStep(options: { portable?: boolean } = {}): fc.Arbitrary<StepConfig> {
  const text = options.portable ? word : xmlString({ maxLength: 60 });
  const hadoop = fc.record(
    {
      Jar: options.portable ? word : xmlString({ minLength: 1, maxLength: 60 }),
      MainClass: word,
      Args: fc.array(text, { minLength: 1, maxLength: 6 }),
      Properties: fc.array(keyValue, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ["Jar"] },
  );
  const monitoring = fc
    .record({ LogUri: logUri, EncryptionKeyArn: kmsKeyArn }, { requiredKeys: [] })
    .filter((s3) => Object.keys(s3).length > 0)
    .map((s3) => ({ S3MonitoringConfiguration: s3 }));
  return fc.record(
    {
      Name: options.portable ? word : xmlString({ minLength: 1, maxLength: 80 }),
      ActionOnFailure: options.portable ? portableAction : actionOnFailure,
      HadoopJarStep: hadoop,
      ...(options.portable ? {} : { StepMonitoringConfiguration: monitoring }),
    },
    { requiredKeys: ["Name", "ActionOnFailure", "HadoopJarStep"] },
  ) as fc.Arbitrary<StepConfig>;
}

/** Valid StepConfigs with distinct names. */
export function validSteps(
  options: { minLength?: number; maxLength?: number; portable?: boolean } = {},
): fc.Arbitrary<StepConfig[]> {
  return fc.uniqueArray(validStep(options), {
    minLength: options.minLength ?? 1,
    maxLength: options.maxLength ?? 10,
    selector: (step) => step.Name,
  });
}

export const jobFlowId: fc.Arbitrary<string> = fc.stringMatching(/^j-[A-Z0-9]{8,13}$/);

/** A valid AddJobFlowStepsInput of 1–10 steps. */
export function validRequest(options: { maxSteps?: number } = {}): fc.Arbitrary<AddJobFlowStepsInput> {
  return fc.record(
    {
      JobFlowId: jobFlowId,
      Steps: validSteps({ maxLength: options.maxSteps ?? 10 }),
      ExecutionRoleArn: roleArn,
    },
    { requiredKeys: ["JobFlowId", "Steps"] },
  );
}
