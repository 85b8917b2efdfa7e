/** Small requests for the boundary tables: one valid step, with the part under test replaced. */
import type { StepConfig } from "@emrkit/dsl";

type Loose = Record<string, unknown>;

export const ROLE = "arn:aws:iam::123456789012:role/emr-steps";
export const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export function step(name = "a", extra: Loose = {}): StepConfig {
  return {
    Name: name,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: { Jar: "s3://artifacts/app.jar", Args: ["--day", "2024-01-01"] },
    ...extra,
  } as StepConfig;
}

export function request(steps: unknown[] = [step()], extra: Loose = {}): Loose {
  return { JobFlowId: "j-ABC123", Steps: steps, ...extra };
}

/** A request whose one step has this HadoopJarStep. */
export function withJarStep(jarStep: Loose, name = "a", extra: Loose = {}): Loose {
  return request([{ Name: name, ActionOnFailure: "CONTINUE", HadoopJarStep: jarStep, ...extra }]);
}

/** A request whose one step logs with this S3 monitoring configuration. */
export function withMonitoring(s3: Loose): Loose {
  return request([step("a", { StepMonitoringConfiguration: { S3MonitoringConfiguration: s3 } })]);
}

export const LOG_URI_PATH = "Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri";
export const KEY_ARN_PATH = "Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.EncryptionKeyArn";
