import type { Issue } from "../issues/issue.js";
import {
  actionOnFailureWithConcurrency,
  checkActionOnFailureWithConcurrencyStep,
} from "./action-on-failure-with-concurrency.js";
import { clusterState } from "./cluster-state.js";
import { checkCommandLineInOneArgStep, commandLineInOneArg } from "./command-line-in-one-arg.js";
import { checkDeprecatedActionOnFailureStep, deprecatedActionOnFailure } from "./deprecated-action-on-failure.js";
import { duplicateStepName } from "./duplicate-step-name.js";
import { checkEmptyCommandRunnerArgStep, emptyCommandRunnerArg } from "./empty-command-runner-arg.js";
import { checkHadoopJarStepTooLongStep, hadoopJarStepTooLong } from "./hadoop-jar-step-too-long.js";
import { invalidArn } from "./invalid-arn.js";
import { checkInvalidKmsKeyArnStep, invalidKmsKeyArn } from "./invalid-kms-key-arn.js";
import { checkInvalidS3UriStep, invalidS3Uri } from "./invalid-s3-uri.js";
import { checkLegacyS3BucketNameStep, legacyS3BucketName } from "./legacy-s3-bucket-name.js";
import { emptyStepView, fillStepView, type Rule, type RuleInput, type ScratchStepView, type StepView } from "./rule.js";
import { stepPasses } from "./step-passes.js";
import { checkStepsAfterTerminateStep, stepsAfterTerminate } from "./steps-after-terminate.js";
import { tooManySteps } from "./too-many-steps.js";

/** Every EMR rule beyond the model, in the order their issues are reported. */
export const RULES: readonly Rule[] = [
  tooManySteps,
  hadoopJarStepTooLong,
  invalidArn,
  invalidS3Uri,
  legacyS3BucketName,
  invalidKmsKeyArn,
  actionOnFailureWithConcurrency,
  clusterState,
  deprecatedActionOnFailure,
  stepsAfterTerminate,
  duplicateStepName,
  emptyCommandRunnerArg,
  commandLineInOneArg,
];

/**
 * Every rule of RULES on a request, as `runRules(RULES, …)` would, but with direct calls in one pass over the
 * steps: what `validate` runs, and why each rule exports its per-step check (calls V8 can inline). A step that
 * `stepPasses` says no rule reports on is not looked at again; only the others are read into a StepView and
 * checked rule by rule, which gives the issues, in the same order as checking every step would.
 */
export function runEmrRules(input: RuleInput, issues: Issue[]): void {
  tooManySteps.checkRequest!(input, issues);
  invalidArn.checkRequest!(input, issues);
  clusterState.checkRequest!(input, issues);
  duplicateStepName.checkRequest!(input, issues);
  const steps = input.steps;
  if (steps === undefined) return;
  // One view, made at the first step that needs it and refilled: a valid request allocates nothing here.
  let view: ScratchStepView | undefined;
  for (let index = 0; index < steps.length; index++) {
    if (stepPasses(input, index)) continue;
    view ??= emptyStepView();
    if (fillStepView(view, steps[index], index)) checkStep(view, input, issues);
  }
}

/** Every per-step rule on one step, in RULES' order: the reporting path. */
export function checkStep(view: StepView, input: RuleInput, issues: Issue[]): void {
  checkHadoopJarStepTooLongStep(view, input, issues);
  checkInvalidS3UriStep(view, input, issues);
  checkLegacyS3BucketNameStep(view, input, issues);
  checkInvalidKmsKeyArnStep(view, input, issues);
  checkActionOnFailureWithConcurrencyStep(view, input, issues);
  checkDeprecatedActionOnFailureStep(view, input, issues);
  checkStepsAfterTerminateStep(view, input, issues);
  checkEmptyCommandRunnerArgStep(view, input, issues);
  checkCommandLineInOneArgStep(view, input, issues);
}
