import type { AddJobFlowStepsInput, StepConfig } from "../generated/types.generated.js";
import type { Predicate, Validator } from "../generated/validation-support.generated.js";
import { check, isObject } from "../generated/validation-support.generated.js";
import {
  isValidAddJobFlowStepsInput,
  isValidStepConfigList,
  validateAddJobFlowStepsInput,
  validateStepConfigList,
} from "../generated/validators.generated.js";
import { EmrValidationError } from "../issues/emr-validation-error.js";
import type { Issue } from "../issues/issue.js";
import { runEmrRules } from "../rules/index.js";
import type { RuleInput, ValidationContext } from "../rules/rule.js";
import { checkContext } from "./check-context.js";
import { fromModel, unreadable } from "./model-issues.js";
import { snapshotRequest, snapshotSteps } from "./snapshot.js";

export interface ValidationResult {
  /** True when no issue is an error (warnings do not count). */
  readonly ok: boolean;
  readonly issues: Issue[];
  /**
   * What was checked: a plain copy of the input, each member read once (snapshotRequest, snapshotSteps). Send this
   * rather than the input, and what was checked is what is sent, whatever getters or a Proxy in the input do.
   */
  readonly value: unknown;
}

/**
 * Checks an AddJobFlowStepsInput against the model and every EMR rule; never throws on bad data. Rules that need
 * the cluster (`activeSteps`, `stepConcurrencyLevel`, `clusterState`) run when the context gives it; a context of
 * the wrong type throws a TypeError (a RangeError for a number out of range), the programmer's mistake.
 *
 * The input is read once, into a plain copy (snapshotRequest) that every check reads and the result gives back as
 * `value`: a getter cannot answer the model's check with one value and the rules with another. Send `value`, or
 * data that is plain (own data properties, no getters, no Proxy): `assertValid(x); send(x)` reads `x` again when it
 * sends. The copy was measured against detecting accessors (same process, the bench's requests): a descriptor per
 * member cost +125% of validate on a typical request, `__lookupGetter__` +30%, the copy +8–12% (nothing measurable
 * on the largest); and a Proxy cannot be detected at all.
 * @example
 * validate({ JobFlowId: "j-1", Steps: [{ Name: "x", HadoopJarStep: { Jar: "" }, hadoop_jar_step: {} }] }).issues[0];
 * // { code: "unknown-member", path: "Steps[0].hadoop_jar_step", suggestion: "HadoopJarStep", … }
 */
export function validate(input: unknown, context: ValidationContext = {}): ValidationResult {
  const checked = checkContext("validate", context);
  // try/catch here rather than around a callback: validate runs per request, and a closure per call shows.
  let value: unknown = input;
  try {
    value = snapshotRequest(input);
    const request = isObject(value) ? value : undefined;
    const steps = request !== undefined && Array.isArray(request.Steps) ? (request.Steps as unknown[]) : undefined;
    return run(isValidAddJobFlowStepsInput, validateAddJobFlowStepsInput, [], value, value, {
      steps,
      executionRoleArn: request?.ExecutionRoleArn,
      context: checked,
    });
  } catch (error) {
    return unreadable(value, error);
  }
}

/** Checks a bare list of StepConfigs, as if it were a request's `Steps` (paths start `Steps[i]`). */
export function validateSteps(steps: unknown, context: ValidationContext = {}): ValidationResult {
  const checked = checkContext("validateSteps", context);
  let value: unknown = steps;
  try {
    value = snapshotSteps(steps);
    return run(
      isValidStepConfigList,
      validateStepConfigList,
      ["Steps"],
      value,
      { Steps: value },
      {
        steps: Array.isArray(value) ? (value as unknown[]) : undefined,
        executionRoleArn: undefined,
        context: checked,
      },
    );
  } catch (error) {
    return unreadable(value, error);
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
  return { ok, issues, value };
}
