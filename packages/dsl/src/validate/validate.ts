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

/**
 * A verdict and the value it is about: `checked` is the plain copy validate read the input into (each member read
 * once) and checked. Send `checked`, and what was checked is what is sent, whatever getters or Proxies the input
 * had. `ok` is true when no issue is an error (warnings do not count); then `checked` has the type asked for.
 */
export type ValidationResult<T = AddJobFlowStepsInput> =
  | { readonly ok: true; readonly issues: Issue[]; readonly checked: T }
  | { readonly ok: false; readonly issues: Issue[]; readonly checked: unknown };

/**
 * Checks an AddJobFlowStepsInput against the model and every EMR rule; never throws on bad data. Rules that need
 * the cluster (`activeSteps`, `stepConcurrencyLevel`, `clusterState`) run when the context gives it; a context of
 * the wrong type throws a TypeError (a RangeError for a number out of range), the programmer's mistake.
 *
 * The input is read once, into a plain copy (`snapshotRequest`) that the model's check and the rules then share, and
 * that the result returns as `checked`: a getter cannot answer one value to one check and another to the next. The
 * input itself is not what was checked if it has getters or is a Proxy: send `checked`. A getter that throws is an
 * issue at the input's root, not an exception.
 * @example
 * validate({ JobFlowId: "j-1", Steps: [{ Name: "x", HadoopJarStep: { Jar: "" }, hadoop_jar_step: {} }] }).issues[0];
 * // { code: "unknown-member", path: "Steps[0].hadoop_jar_step", suggestion: "HadoopJarStep", … }
 * @example
 * const result = validate(input);
 * if (result.ok) await client.send(new AddJobFlowStepsCommand(result.checked));
 */
export function validate(input: unknown, context: ValidationContext = {}): ValidationResult {
  let copy: unknown;
  try {
    copy = snapshotRequest(input);
  } catch (error) {
    checkContext("validate", context);
    return unreadable(input, error);
  }
  return validatePlain(copy, context);
}

/**
 * `validate` of data that is plain already (made by the builders, parsed from JSON, or a snapshot), read in place:
 * the copy would cost a tenth of the check again for nothing. Internal: users' data goes through `validate`.
 */
export function validatePlain(input: unknown, given: ValidationContext = {}): ValidationResult {
  const context = checkContext("validate", given);
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

/** Checks a bare list of StepConfigs, as if it were a request's `Steps` (paths start `Steps[i]`), read once as validate reads. */
export function validateSteps(steps: unknown, context: ValidationContext = {}): ValidationResult<StepConfig[]> {
  let copy: unknown;
  try {
    copy = snapshotSteps(steps);
  } catch (error) {
    checkContext("validateSteps", context);
    return unreadable(steps, error);
  }
  return validatePlainSteps(copy, context);
}

/** `validateSteps` of steps that are plain already, read in place (see validatePlain). Internal. */
export function validatePlainSteps(steps: unknown, given: ValidationContext = {}): ValidationResult<StepConfig[]> {
  const context = checkContext("validateSteps", given);
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
function run<T>(
  isValid: Predicate,
  validator: Validator,
  base: (string | number)[],
  value: unknown,
  root: unknown,
  ruleInput: RuleInput,
): ValidationResult<T> {
  const modelIssues = check(validator, value, base, isValid);
  const issues: Issue[] = modelIssues.length === 0 ? [] : modelIssues.map((issue) => fromModel(issue, root));
  runEmrRules(ruleInput, issues);
  let ok = true;
  for (const issue of issues) if (issue.severity === "error") ok = false;
  return ok ? { ok, issues, checked: value as T } : { ok, issues, checked: value };
}
