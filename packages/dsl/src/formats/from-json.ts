import type { AddJobFlowStepsInput, StepConfig } from "../generated/types.generated.js";
import { isObject } from "../generated/validation-support.generated.js";
import type { Issue } from "../issues/issue.js";
import { MODEL_SOURCE } from "../rules/limits.js";
import type { ValidationContext } from "../rules/rule.js";
import { redact } from "../secrets/secret.js";
import { snapshotRequest, snapshotSteps } from "../validate/snapshot.js";
import { validate, validateSteps } from "../validate/validate.js";

/** What `fromJson` read: a request or a list of steps, or the issues that kept it from being either. */
export type FromJsonResult =
  | { readonly ok: true; readonly kind: "request"; readonly request: AddJobFlowStepsInput; readonly issues: Issue[] }
  | { readonly ok: true; readonly kind: "steps"; readonly steps: StepConfig[]; readonly issues: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * Reads API/boto3-shaped JSON (text or parsed): an AddJobFlowStepsInput (it has `JobFlowId`), `{ Steps: [...] }`,
 * a list of StepConfigs, or one StepConfig. Checks it; paths point into the input as given (`[2].Name` for a
 * bare list, `Steps[2].Name` for an object with Steps). A parsed value is read once, into a plain copy
 * (snapshotRequest), which is what is checked and returned.
 */
export function fromJson(json: unknown, context?: ValidationContext): FromJsonResult {
  let value: unknown;
  try {
    value = typeof json === "string" ? (JSON.parse(json) as unknown) : snapshotRequest(json);
  } catch (error) {
    const reason = typeof json === "string" ? "is not JSON" : "could not be read as plain data";
    return unread(`${reason}: ${String((error as Error)?.message)}`);
  }
  if (isObject(value) && "JobFlowId" in value) {
    const result = validate(value, context);
    return result.ok
      ? { ok: true, kind: "request", request: value as unknown as AddJobFlowStepsInput, issues: result.issues }
      : { ok: false, issues: result.issues };
  }
  const wrapped = isObject(value) && "Steps" in value;
  const single = isObject(value) && !wrapped;
  let steps = wrapped ? (value as { Steps: unknown }).Steps : single ? [value] : value;
  // A bare list or one step is not copied by snapshotRequest, which copies requests: copied here.
  if (typeof json !== "string" && !wrapped) steps = snapshotSteps(steps);
  const result = validateSteps(steps, context);
  const issues = wrapped ? result.issues : result.issues.map((issue) => rebase(issue, single ? undefined : ""));
  return result.ok ? { ok: true, kind: "steps", steps: steps as StepConfig[], issues } : { ok: false, issues };
}

/** An input that could not be read: one issue, its message free of secrets (JSON.parse quotes the text). */
function unread(message: string): FromJsonResult {
  return {
    ok: false,
    issues: [{ code: "type", severity: "error", path: "", message: redact(message), source: MODEL_SOURCE }],
  };
}

/** `Steps[2].Name` → `[2].Name` for a bare list; `Steps[0].Name` → `Name` for a single step. */
function rebase(issue: Issue, prefix: string | undefined): Issue {
  const path =
    prefix === undefined ? issue.path.replace(/^Steps(\[0\]\.?)?/, "") : issue.path.replace(/^Steps/, prefix);
  return { ...issue, path };
}
