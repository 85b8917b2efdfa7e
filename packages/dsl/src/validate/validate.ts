import type { AddJobFlowStepsInput, StepConfig } from "../generated/types.generated.js";
import type { ModelIssue, Predicate, Validator } from "../generated/validation-support.generated.js";
import { check, isObject, show } from "../generated/validation-support.generated.js";
import {
  isValidAddJobFlowStepsInput,
  isValidStepConfigList,
  validateAddJobFlowStepsInput,
  validateStepConfigList,
} from "../generated/validators.generated.js";
import { EmrValidationError } from "../issues/emr-validation-error.js";
import { valueAtPath } from "../issues/format-issues.js";
import type { Issue } from "../issues/issue.js";
import { runEmrRules } from "../rules/index.js";
import { MODEL_SOURCE } from "../rules/limits.js";
import type { RuleInput, ValidationContext } from "../rules/rule.js";
import { hasSecrets, redact } from "../secrets/secret.js";

export interface ValidationResult {
  /** True when no issue is an error (warnings do not count). */
  readonly ok: boolean;
  readonly issues: Issue[];
}

/**
 * Checks an AddJobFlowStepsInput against the model and every EMR rule; never throws. Rules that need the cluster
 * (`activeSteps`, `stepConcurrencyLevel`, `clusterState`) run when the context gives it.
 * @example
 * validate({ JobFlowId: "j-1", Steps: [{ Name: "x", HadoopJarStep: { Jar: "" }, hadoop_jar_step: {} }] }).issues[0];
 * // { code: "unknown-member", path: "Steps[0].hadoop_jar_step", suggestion: "HadoopJarStep", … }
 */
export function validate(input: unknown, context: ValidationContext = {}): ValidationResult {
  // try/catch here rather than around a callback: validate runs per request, and a closure per call shows.
  try {
    const request = isObject(input) ? input : undefined;
    const steps = request !== undefined && Array.isArray(request.Steps) ? (request.Steps as unknown[]) : undefined;
    return run(isValidAddJobFlowStepsInput, validateAddJobFlowStepsInput, [], input, input, {
      steps,
      executionRoleArn: request?.ExecutionRoleArn,
      context,
    });
  } catch (error) {
    return unreadable(input, error);
  }
}

/** Checks a bare list of StepConfigs, as if it were a request's `Steps` (paths start `Steps[i]`). */
export function validateSteps(steps: unknown, context: ValidationContext = {}): ValidationResult {
  try {
    return run(
      isValidStepConfigList,
      validateStepConfigList,
      ["Steps"],
      steps,
      { Steps: steps },
      {
        steps: Array.isArray(steps) ? (steps as unknown[]) : undefined,
        executionRoleArn: undefined,
        context,
      },
    );
  } catch (error) {
    return unreadable(steps, error);
  }
}

/** Throws an EmrValidationError listing every issue unless the request has no error. */
export function assertValid(input: unknown, context?: ValidationContext): asserts input is AddJobFlowStepsInput {
  const result = validate(input, context);
  if (!result.ok) throw new EmrValidationError(result.issues);
}

/** Like `assertValid`, for a bare list of steps. */
export function assertValidSteps(steps: unknown, context?: ValidationContext): asserts steps is StepConfig[] {
  const result = validateSteps(steps, context);
  if (!result.ok) throw new EmrValidationError(result.issues);
}

/** The model check (`check`: the fast predicate, and the reporting walk only when it fails), then EMR's rules. */
function run(
  isValid: Predicate,
  validator: Validator,
  base: (string | number)[],
  value: unknown,
  root: unknown,
  ruleInput: RuleInput,
): ValidationResult {
  const modelIssues = check(validator, value, base, isValid);
  const issues: Issue[] = modelIssues.length === 0 ? [] : modelIssues.map((issue) => fromModel(issue, root));
  runEmrRules(ruleInput, issues);
  let ok = true;
  for (const issue of issues) if (issue.severity === "error") ok = false;
  return { ok, issues };
}

/** A model issue with its source, its message free of secrets (even a secret cut short by `show`). */
function fromModel(issue: ModelIssue, root: unknown): Issue {
  let message = issue.message;
  if (hasSecrets()) {
    const value = valueAtPath(root, issue.path);
    if (typeof value === "string") message = message.split(show(value)).join(show(redact(value)));
    message = redact(message);
  }
  return { ...issue, message, source: MODEL_SOURCE };
}

/** Reading the input can throw (a getter, a proxy): that becomes an issue, never an exception. */
function unreadable(input: unknown, error: unknown): ValidationResult {
  const reason = describeThrown(error);
  return {
    ok: false,
    issues: [
      {
        code: "type",
        severity: "error",
        path: "",
        message: `could not be read as plain data (${redact(reason)}); got ${redact(show(typeof input))}`,
        source: MODEL_SOURCE,
      },
    ],
  };
}

/** What was thrown, as text; the thrown value itself may refuse to become a string (`{ toString: 1 }`). */
function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return "a value that cannot be shown";
  }
}
