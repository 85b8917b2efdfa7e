import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import {
  type AddJobFlowStepsInput,
  fromCliSteps,
  fromJson,
  type Issue,
  isSecret,
  type StepConfig,
  toStepConfig,
  validateSteps,
} from "@emrkit/dsl";
import { importModule } from "./import-module.js";

/** What a steps file holds, whatever its format: steps, maybe a whole request, maybe dependencies by name. */
export interface LoadedSteps {
  steps: StepConfig[];
  request?: AddJobFlowStepsInput;
  after?: Record<string, string[]>;
  issues: Issue[];
}

/**
 * Reads a steps file: `.json` in the API/boto3 shape (a request, `{ Steps }` or a list) or the AWS CLI's `--steps`
 * shape (entries with `Type` or `Args` beside `Jar`), or a `.ts`/`.js` module whose default export is a request,
 * steps or step builders, or a built pipeline (`{ steps, after }`).
 */
export async function loadSteps(file: string): Promise<LoadedSteps> {
  if ([".ts", ".js", ".mjs", ".mts"].includes(extname(file))) return fromModule(file);
  const json = JSON.parse(await readFile(file, "utf8")) as unknown;
  if (Array.isArray(json) && json.some((s) => typeof s === "object" && s !== null && ("Type" in s || "Jar" in s))) {
    const steps = fromCliSteps(json);
    return { steps, issues: validateSteps(steps).issues };
  }
  const read = fromJson(json);
  if (!read.ok) return { steps: [], issues: read.issues };
  return read.kind === "request"
    ? { steps: read.request.Steps, request: read.request, issues: read.issues }
    : { steps: read.steps, issues: read.issues };
}

async function fromModule(file: string): Promise<LoadedSteps> {
  const value = (await importModule(file)).default;
  if (value && typeof value === "object" && "steps" in value && "after" in value) {
    const { steps, after } = value as { steps: StepConfig[]; after: Record<string, string[]> };
    return { steps, after, issues: validateSteps(steps).issues };
  }
  if (value && typeof value === "object" && "JobFlowId" in value) {
    const read = fromJson(value);
    if (!read.ok || read.kind !== "request") return { steps: [], issues: read.issues };
    return { steps: read.request.Steps, request: read.request, issues: read.issues };
  }
  const list = (Array.isArray(value) ? value : [value]).map((s) => (isSecret(s) ? s : toStepConfig(s as never)));
  return { steps: list as StepConfig[], issues: validateSteps(list).issues };
}
