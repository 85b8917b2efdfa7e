/**
 * `aws emr add-steps --steps` JSON checked end to end, as issues rather than an exception: first what the AWS CLI
 * itself refuses (its ParamValidator's unknown keys and types, then its own refusals: a missing Jar or Args, an
 * unsupported Type), then the StepConfigs it would send, by validate. Every path points into the CLI input
 * (`[0].Args[1]`), so a tool can show the user where in their own file to look.
 */

import { type FormOption, formOf } from "../cli/cli-step-types.js";
import { cliIssue, entryShape, type ShapeFindings } from "../cli/cli-steps-schema.js";
import type { StepConfig } from "../generated/types.generated.js";
import type { Issue } from "../issues/issue.js";
import type { ValidationContext } from "../rules/rule.js";
import { validateSteps } from "../validate/validate.js";
import { type CliLayout, toCliIssue } from "./cli-paths.js";
import { type CliStep, CliStepsError, fromCliStep } from "./cli-steps.js";

export interface CliStepsCheck {
  /** True when no issue is an error. */
  readonly ok: boolean;
  /** The StepConfigs the CLI would send, or undefined when the CLI would refuse the input before sending any. */
  readonly steps: StepConfig[] | undefined;
  readonly issues: Issue[];
}

export interface CheckCliStepsOptions extends FormOption {
  /** The cluster, as validate takes it. */
  readonly context?: ValidationContext;
}

/**
 * Every issue of a `--steps` input (JSON text or parsed), with paths into it.
 * @example checkCliSteps('[{"Type":"Spark","ActionOnfailure":"CONTINUE","Args":["a.py"]}]').issues[0]
 * // { code: "unknown-member", path: "[0].ActionOnfailure", suggestion: "ActionOnFailure", … }
 */
export function checkCliSteps(json: unknown, options: CheckCliStepsOptions = {}): CliStepsCheck {
  let input = json;
  if (typeof json === "string") {
    try {
      input = JSON.parse(json) as unknown;
    } catch (error) {
      return refused([cliIssue("type", "", `is not JSON: ${(error as Error).message}`)]);
    }
  }
  if (!Array.isArray(input)) return refused([cliIssue("type", "", "must be a JSON list of --steps entries")]);
  const found: ShapeFindings = { issues: [], lines: [] };
  input.forEach((entry: unknown, i) => {
    if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      entryShape(entry as Record<string, unknown>, i, found);
    } else found.issues.push(cliIssue("type", `[${i}]`, "must be an object, a --steps entry"));
  });
  if (found.issues.length > 0) return refused(found.issues);
  const form = formOf(options);
  const steps: StepConfig[] = [];
  const layouts: CliLayout[] = [];
  const refusals: Issue[] = [];
  input.forEach((entry: CliStep, i) => {
    try {
      const converted = fromCliStep(entry, form, i);
      steps.push(converted.step);
      layouts.push(converted);
    } catch (error) {
      if (!(error instanceof CliStepsError)) throw error;
      refusals.push(...error.issues);
    }
  });
  if (refusals.length > 0) return refused(refusals);
  const { ok, issues } = validateSteps(steps, options.context);
  return { ok, steps, issues: issues.map((issue) => toCliIssue(issue, layouts)) };
}

function refused(issues: Issue[]): CliStepsCheck {
  return { ok: false, steps: undefined, issues };
}
