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

export interface ValidationResult {
  /** True when no issue is an error (warnings do not count). */
  readonly ok: boolean;
  readonly issues: Issue[];
}

/**
 * Checks an AddJobFlowStepsInput against the model and every EMR rule; never throws on bad data. Rules that need
 * the cluster (`activeSteps`, `stepConcurrencyLevel`, `clusterState`) run when the context gives it; a context of
 * the wrong type throws a TypeError (a RangeError for a number out of range), the programmer's mistake.
 *
 * The input is read as it is, some members more than once (the model's check, then the rules), so it must be plain
 * data: own data properties, no getters, no Proxy, else what is checked may not be what is sent. For data you did
 * not make, `fromJson(value)` reads it once into a plain copy, checks the copy and returns it to send;
 * `snapshotRequest(input)` makes the copy alone. The builders and the runtime's preflight check such copies.
 * validate does not copy every input itself: measured with `pnpm bench dsl`, the copy cost a quarter of its time on
 * the typical request (a tenth measured alone), against a budget of a twentieth for a fix of its verdicts.
 * @example
 * validate({ JobFlowId: "j-1", Steps: [{ Name: "x", HadoopJarStep: { Jar: "" }, hadoop_jar_step: {} }] }).issues[0];
 * // { code: "unknown-member", path: "Steps[0].hadoop_jar_step", suggestion: "HadoopJarStep", … }
 */
export function validate(input: unknown, context: ValidationContext = {}): ValidationResult {
  const checked = checkContext("validate", context);
  // try/catch here rather than around a callback: validate runs per request, and a closure per call shows.
  try {
    const request = isObject(input) ? input : undefined;
    const steps = request !== undefined && Array.isArray(request.Steps) ? (request.Steps as unknown[]) : undefined;
    return run(isValidAddJobFlowStepsInput, validateAddJobFlowStepsInput, [], input, input, {
      steps,
      executionRoleArn: request?.ExecutionRoleArn,
      context: checked,
    });
  } catch (error) {
    return unreadable(input, error);
  }
}

/** Checks a bare list of StepConfigs, as if it were a request's `Steps` (paths start `Steps[i]`). */
export function validateSteps(steps: unknown, context: ValidationContext = {}): ValidationResult {
  const checked = checkContext("validateSteps", context);
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
        context: checked,
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
