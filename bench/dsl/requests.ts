/** The requests the DSL benchmark validates: a typical one (10 steps) and the largest legal one. */
import type { AddJobFlowStepsInput, StepConfig } from "@emrkit/dsl";

const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A Spark step as pipelines write them: a dozen arguments, a few properties, logs. */
export function typicalStep(i: number): StepConfig {
  return {
    Name: `nightly-etl-${i}`,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: {
      Jar: "command-runner.jar",
      Args: [
        "spark-submit",
        "--deploy-mode",
        "cluster",
        "--conf",
        "spark.executor.memory=4g",
        "--conf",
        "spark.dynamicAllocation.enabled=true",
        "s3://analytics-artifacts/jobs/etl.py",
        "--day",
        "2024-01-01",
        "--table",
        `events_${i}`,
      ],
    },
    StepMonitoringConfiguration: {
      S3MonitoringConfiguration: { LogUri: `s3://analytics-logs/steps/${i}/`, EncryptionKeyArn: KMS },
    },
  };
}

export const typical: AddJobFlowStepsInput = {
  JobFlowId: "j-2AXXXXXXGAPLF",
  Steps: Array.from({ length: 10 }, (_, i) => typicalStep(i)),
  ExecutionRoleArn: "arn:aws:iam::123456789012:role/emr-steps",
};

/** 256 steps, each 20 arguments of 500 characters (with some accents) plus the jar: 10,018 characters a step. */
export const largest: AddJobFlowStepsInput = {
  JobFlowId: "j-2AXXXXXXGAPLF",
  Steps: Array.from({ length: 256 }, (_, i) => ({
    Name: `step-${i}`,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: {
      Jar: "command-runner.jar",
      Args: Array.from(
        { length: 20 },
        (_, k) => `--arg${k}=${"é".repeat(20)}${"x".repeat(500 - 11 - 20 - String(k).length)}`,
      ),
    },
  })),
  ExecutionRoleArn: "arn:aws:iam::123456789012:role/emr-steps",
};
