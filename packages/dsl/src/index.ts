export * from "./generated/index.generated.js";
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
export { RULES } from "./rules/index.js";
export * from "./rules/limits.js";
export type { Rule, RuleInput, ValidationContext } from "./rules/rule.js";
export { isSecret, redact, redactValue, type Secret, secret } from "./secrets/secret.js";
export {
  assertValid,
  assertValidSteps,
  type ValidationResult,
  validate,
  validateSteps,
} from "./validate/validate.js";
