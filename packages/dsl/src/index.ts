export { StepBuilder, step } from "./builders/step.js";
export {
  type BuildMethod,
  checkedStep,
  type InitialOptions,
  type ListItem,
  type ListOption,
  type ReadyStep,
  StepBuilderBase,
  type StepSettings,
} from "./builders/step-builder-base.js";
export type { EmrTypeError } from "./builders/type-error.js";
export {
  CLI_DEFAULT_NAMES,
  type CliForm,
  emrS3Link,
  type FormOption,
  formOf,
  scriptRunnerJar,
  type WrappedCliType,
  wrappedHadoopJarStep,
} from "./cli/cli-step-types.js";
export { CLI_STEP_KEYS } from "./cli/cli-steps-schema.js";
export { type CheckCliStepsOptions, type CliStepsCheck, checkCliSteps } from "./formats/check-cli-steps.js";
export { cliPath } from "./formats/cli-paths.js";
export { type CliStep, CliStepsError, fromCliSteps, toCliSteps } from "./formats/cli-steps.js";
export {
  type CfnStepResource,
  type CfnTemplate,
  type CfnValue,
  CLOUDFORMATION_STEP_ACTIONS,
  fromCloudFormation,
  toCloudFormation,
} from "./formats/cloud-formation.js";
export { FormatError } from "./formats/format-error.js";
export { type FromJsonResult, fromJson } from "./formats/from-json.js";
export { parsePropertiesString } from "./formats/properties-string.js";
export {
  ADD_STEP_SYNC,
  type AslStateMachine,
  type AslTaskState,
  fromStepFunctions,
  toStepFunctions,
} from "./formats/step-functions.js";
export * from "./generated/types.generated.js";
// The support module's public part: what a validator reports and how to run one. The rest of it (the matcher,
// the value tests) is machinery for the generated validators, not API.
export {
  check,
  MAX_NESTING,
  type ModelIssue,
  type ModelIssueCode,
  nearest,
  type Predicate,
  type Validator,
  type Walk,
} from "./generated/validation-support.generated.js";
export * from "./generated/validators.generated.js";
export { EmrValidationError } from "./issues/emr-validation-error.js";
export { formatIssue, formatIssues, parsePath, valueAtPath } from "./issues/format-issues.js";
export type {
  ClusterStateIssue,
  HadoopJarStepTooLongIssue,
  Issue,
  IssueCode,
  ModelConstraintIssue,
  PlainRuleCode,
  PlainRuleIssue,
  RuleCode,
  TooManyStepsIssue,
  WarningCode,
  WarningIssue,
} from "./issues/issue.js";
export { CliKindBuilder, type KindOptions } from "./kinds/cli-kind-builder.js";
export { command, RunnerStep, script } from "./kinds/command.js";
export { HiveStep, hive } from "./kinds/hive.js";
export { PigStep, pig } from "./kinds/pig.js";
export { type S3DistCpOptions, S3DistCpStep, s3DistCp } from "./kinds/s3-dist-cp.js";
export { SparkStep, spark } from "./kinds/spark.js";
export { StreamingStep, streaming } from "./kinds/streaming.js";
export { JobFlowBuilder, jobFlow } from "./requests/job-flow.js";
export { type BuiltPipeline, PipelineBuilder, PipelineError, pipeline, type StepRef } from "./requests/pipeline.js";
export { type StepLike, toStepConfig } from "./requests/step-like.js";
export { type Arn, parseArn } from "./rules/arn.js";
export { RULES, runEmrRules } from "./rules/index.js";
export { kmsKeyArnProblem } from "./rules/kms-key-arn.js";
export * from "./rules/limits.js";
export { roleArnProblem } from "./rules/role-arn.js";
export { type Rule, type RuleInput, runRules, type StepView, type ValidationContext } from "./rules/rule.js";
export { type BucketNameVerdict, bucketNameVerdict } from "./rules/s3-bucket-name.js";
export { redactIssue } from "./secrets/redact-issue.js";
export { isSecret, redact, redactValue, type Secret, secret } from "./secrets/secret.js";
export { snapshotRequest, snapshotStep, snapshotSteps } from "./validate/snapshot.js";
export {
  assertValid,
  assertValidSteps,
  type ValidationResult,
  validate,
  validateSteps,
} from "./validate/validate.js";
