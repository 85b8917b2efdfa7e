import { extname } from "node:path";
import {
  type AddJobFlowStepsInput,
  checkCliSteps,
  fromJson,
  type Issue,
  isSecret,
  parsePath,
  type StepConfig,
  toStepConfig,
  validateSteps,
} from "@emrkit/dsl";
import { importModule } from "../import-module.js";
import { type JsonNode, JsonSyntaxError, locate, parseJson } from "./parse-json.js";
import { readTextFile } from "./read-text-file.js";
import { type Shape, sentPath } from "./sent-path.js";
import { StepsFileError } from "./steps-file-error.js";

/** Which shape the file had: an AddJobFlowStepsInput, API steps (a list, `{ Steps }` or one), `aws emr add-steps --steps`, a module. */
export type StepsFormat = "api-request" | "api-steps" | "cli" | "module";

/** An issue with where it is in the user's file, when the file is JSON. */
export type LocatedIssue = Issue & { line?: number; column?: number };

/** What a steps file holds, whatever its format: steps, maybe a whole request, maybe dependencies by name. */
export interface LoadedSteps {
  file: string;
  format: StepsFormat;
  /** The steps to send; empty when an error keeps the file from being used. */
  steps: StepConfig[];
  /** When the file is a request: its JobFlowId and ExecutionRoleArn come with it. */
  request?: AddJobFlowStepsInput;
  after?: Record<string, string[]>;
  /** Every issue, with paths into the file as the user wrote it (`[0].Args[1]`, `Steps[2].Name`). */
  issues: LocatedIssue[];
  /** How many steps the file holds, usable or not. */
  stepCount: number;
  /**
   * An issue found later in the steps as sent (preflight's, whose paths are a request's: `Steps[0].ActionOnFailure`),
   * with its path and place in the file as written (`[0].ActionOnFailure`, line and column).
   */
  placeSent(issue: Issue): LocatedIssue;
}

const MODULES = new Set([".ts", ".mts", ".js", ".mjs"]);

/**
 * Reads a steps file: `.json` in the API/boto3 shape (a request, `{ Steps }`, a list or one step) or the AWS CLI's
 * `--steps` shape (entries with `Type`, `Jar` or `Args` at their top), or a `.ts`/`.js` module whose default export
 * is a request, steps, step builders or a built pipeline (`{ steps, after }`). Throws StepsFileError when the file
 * cannot be read; anything wrong inside it is an issue.
 */
export async function loadSteps(file: string): Promise<LoadedSteps> {
  if (MODULES.has(extname(file))) return fromModule(file);
  const text = await readTextFile(file);
  let parsed: { value: unknown; root: JsonNode };
  try {
    parsed = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new StepsFileError(file, `not JSON: ${error.message}`, error.at);
    throw error;
  }
  const { value, root } = parsed;
  const place = (issues: readonly Issue[]) => issues.filter(chunkedAnyway).map((issue) => located(issue, root));
  const placer = (shape: Shape, steps: readonly StepConfig[]) => (issue: Issue) =>
    located({ ...issue, path: sentPath(issue.path, shape, value, steps) }, root);
  if (isCliSteps(value)) {
    const checked = checkCliSteps(value);
    const steps = checked.steps ?? [];
    const placeSent = placer("cli", steps);
    return { file, format: "cli", steps, issues: place(checked.issues), stepCount: value.length, placeSent };
  }
  const read = fromJson(value);
  const stepCount = countSteps(value);
  const shape: Shape = Array.isArray(value) ? "list" : !isObject(value) || "Steps" in value ? "request" : "single";
  const format = isObject(value) && "JobFlowId" in value ? "api-request" : "api-steps";
  if (!read.ok) return { file, format, steps: [], issues: place(read.issues), stepCount, placeSent: placer(shape, []) };
  const steps = read.kind === "request" ? read.request.Steps : read.steps;
  return {
    file,
    format,
    steps,
    ...(read.kind === "request" ? { request: read.request } : {}),
    issues: place(read.issues),
    stepCount,
    placeSent: placer(shape, steps),
  };
}

async function fromModule(file: string): Promise<LoadedSteps> {
  let exported: unknown;
  try {
    exported = (await importModule(file)).default;
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0]!.replace(/^cannot load \S+: /, "cannot load: ");
    throw new StepsFileError(file, reason);
  }
  const value = exported as Record<string, unknown> | undefined;
  const loaded = (steps: StepConfig[], issues: readonly Issue[], more: Partial<LoadedSteps> = {}): LoadedSteps => ({
    file,
    format: "module",
    steps,
    issues: issues.filter(chunkedAnyway),
    stepCount: steps.length,
    // A module's steps are what it exported: their paths are the request's, with no line to show.
    placeSent: (issue) => issue,
    ...more,
  });
  if (value && typeof value === "object" && "steps" in value && "after" in value) {
    const { steps, after } = value as unknown as { steps: StepConfig[]; after: Record<string, string[]> };
    return loaded(steps, validateSteps(steps).issues, { after });
  }
  if (value && typeof value === "object" && "JobFlowId" in value) {
    const read = fromJson(value);
    if (!read.ok || read.kind !== "request") return loaded([], read.issues, { stepCount: countSteps(value) });
    return loaded(read.request.Steps, read.issues, { request: read.request });
  }
  if (value === undefined) throw new StepsFileError(file, "has no default export: export default the steps");
  const list = (Array.isArray(value) ? value : [value]).map((s) => (isSecret(s) ? s : toStepConfig(s as never)));
  const steps = list as StepConfig[];
  return loaded(steps, validateSteps(steps).issues);
}

/**
 * A file is a list of steps, not one API request: more than 256 go in several AddJobFlowSteps calls (the runtime
 * chunks them), so validate's one-request limit is no issue of the file's.
 */
function chunkedAnyway(issue: Issue): boolean {
  return issue.code !== "too-many-steps";
}

/** The AWS CLI's `--steps` shape: a list whose entries have the CLI's own keys (Type, Jar or Args) at their top. */
function isCliSteps(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  const entries = value.filter(isObject);
  return entries.some((s) => "Type" in s || "Jar" in s || "Args" in s) && !entries.some((s) => "HadoopJarStep" in s);
}

function countSteps(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (!isObject(value)) return 0;
  if ("Steps" in value) return Array.isArray(value.Steps) ? value.Steps.length : 0;
  return 1;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The issue with the line and column of what its path names: a member's name for an unknown member, else the value. */
function located(issue: Issue, root: JsonNode): LocatedIssue {
  let segments: (string | number)[];
  try {
    segments = parsePath(issue.path);
  } catch {
    return issue;
  }
  const at = locate(root, segments, { key: issue.code === "unknown-member" });
  return { ...issue, line: at.line, column: at.column };
}
