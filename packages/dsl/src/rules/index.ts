import { actionOnFailureWithConcurrency } from "./action-on-failure-with-concurrency.js";
import { clusterState } from "./cluster-state.js";
import { commandLineInOneArg } from "./command-line-in-one-arg.js";
import { deprecatedActionOnFailure } from "./deprecated-action-on-failure.js";
import { duplicateStepName } from "./duplicate-step-name.js";
import { emptyCommandRunnerArg } from "./empty-command-runner-arg.js";
import { hadoopJarStepTooLong } from "./hadoop-jar-step-too-long.js";
import { invalidArn } from "./invalid-arn.js";
import { invalidKmsKeyArn } from "./invalid-kms-key-arn.js";
import { invalidS3Uri } from "./invalid-s3-uri.js";
import type { Rule } from "./rule.js";
import { stepsAfterTerminate } from "./steps-after-terminate.js";
import { tooManySteps } from "./too-many-steps.js";

/** Every EMR rule beyond the model, in the order their issues are reported. */
export const RULES: readonly Rule[] = [
  tooManySteps,
  hadoopJarStepTooLong,
  invalidArn,
  invalidS3Uri,
  invalidKmsKeyArn,
  actionOnFailureWithConcurrency,
  clusterState,
  deprecatedActionOnFailure,
  stepsAfterTerminate,
  duplicateStepName,
  emptyCommandRunnerArg,
  commandLineInOneArg,
];
