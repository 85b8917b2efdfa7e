import type { Issue, RuleCode } from "../issues/issue.js";

/** What `validate` knows about the cluster; each rule that needs a part runs only when it is given. */
export interface ValidationContext {
  /** PENDING + RUNNING steps on the cluster before this request. */
  readonly activeSteps?: number | undefined;
  readonly stepConcurrencyLevel?: number | undefined;
  readonly clusterState?: string | undefined;
}

/** The request as rules see it: whatever shape it has; rules check only the parts that are well typed. */
export interface RuleInput {
  /** The Steps list, or undefined when it is not a list. */
  readonly steps: readonly unknown[] | undefined;
  readonly executionRoleArn: unknown;
  readonly context: ValidationContext;
}

/** One step as per-step rules see it, its parts read once for all of them. */
export interface StepView {
  readonly step: Record<string, unknown>;
  readonly index: number;
  /** `step.ActionOnFailure`, whatever it is. */
  readonly action: unknown;
  /** HadoopJarStep when it is an object. */
  readonly jarStep: Record<string, unknown> | undefined;
  /** Whether the jar is command-runner.jar (bare or at any path). */
  readonly commandRunner: boolean;
  /** HadoopJarStep.Args when it is a list. */
  readonly args: readonly unknown[] | undefined;
  /** The UTF-16 units of the string Args, summed (values of other types count nothing). */
  readonly argUnits: number;
  /** The index of the first Arg that is an empty string, or -1. */
  readonly firstEmptyArg: number;
  /** StepMonitoringConfiguration.S3MonitoringConfiguration when it is an object. */
  readonly s3: Record<string, unknown> | undefined;
}

/**
 * One EMR rule beyond the model: its code, where EMR documents it, and the check — of the request
 * (`checkRequest`) or of the steps (`checkSteps`, given every step that is an object, its parts read once).
 */
export interface Rule {
  readonly code: RuleCode;
  readonly source: string;
  checkRequest?(input: RuleInput, issues: Issue[]): void;
  checkSteps?(views: readonly StepView[], input: RuleInput, issues: Issue[]): void;
}

/**
 * Runs rules on a request: request-level checks first, then the per-step ones. Each rule loops over the steps
 * itself, so that its loop stays monomorphic (one call per rule, not one per rule and step).
 */
export function runRules(rules: readonly Rule[], input: RuleInput, issues: Issue[]): void {
  for (const rule of rules) rule.checkRequest?.(input, issues);
  const steps = input.steps;
  if (steps === undefined) return;
  const views: StepView[] = [];
  for (let index = 0; index < steps.length; index++) {
    const view = stepView(steps[index], index);
    if (view !== undefined) views.push(view);
  }
  for (const rule of rules) rule.checkSteps?.(views, input, issues);
}

/** The view of a step, or undefined when the step is not an object (the model reports that). */
export function stepView(step: unknown, index: number): StepView | undefined {
  const view = emptyStepView();
  return fillStepView(view, step, index) ? view : undefined;
}

/** A StepView a pass over the steps refills for each one: per-step checks read it and keep nothing of it. */
export type ScratchStepView = { -readonly [K in keyof StepView]: StepView[K] };

/** A view of no step yet, with every field present (one shape for every fill). */
export function emptyStepView(): ScratchStepView {
  return {
    step: {},
    index: -1,
    action: undefined,
    jarStep: undefined,
    commandRunner: false,
    args: undefined,
    argUnits: 0,
    firstEmptyArg: -1,
    s3: undefined,
  };
}

/**
 * Reads a step into a view; false when the step is not an object. Args are scanned once here, for the rules that
 * need their lengths or their empty strings.
 */
export function fillStepView(view: ScratchStepView, step: unknown, index: number): boolean {
  if (!isRecord(step)) return false;
  const jarStep = isRecord(step.HadoopJarStep) ? step.HadoopJarStep : undefined;
  let commandRunner = false;
  let args: unknown[] | undefined;
  let argUnits = 0;
  let firstEmptyArg = -1;
  if (jarStep !== undefined) {
    commandRunner = isCommandRunnerJar(jarStep.Jar);
    const value = jarStep.Args;
    if (Array.isArray(value)) {
      args = value;
      for (let i = 0; i < value.length; i++) {
        const arg: unknown = value[i];
        if (typeof arg !== "string") continue;
        argUnits += arg.length;
        if (arg.length === 0 && firstEmptyArg < 0) firstEmptyArg = i;
      }
    }
  }
  const monitoring = step.StepMonitoringConfiguration;
  view.step = step;
  view.index = index;
  view.action = step.ActionOnFailure;
  view.jarStep = jarStep;
  view.commandRunner = commandRunner;
  view.args = args;
  view.argUnits = argUnits;
  view.firstEmptyArg = firstEmptyArg;
  view.s3 =
    isRecord(monitoring) && isRecord(monitoring.S3MonitoringConfiguration)
      ? monitoring.S3MonitoringConfiguration
      : undefined;
  return true;
}

/** Whether a value is one of a few strings: compared one by one, cheaper than a Set's hashing for two or three. */
export function isOneOf(values: readonly string[], value: unknown): boolean {
  if (typeof value !== "string") return false;
  for (let i = 0; i < values.length; i++) if (values[i] === value) return true;
  return false;
}

/** Whether a value is an object with members: not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a Jar is command-runner.jar, bare or at any path. */
export function isCommandRunnerJar(jar: unknown): boolean {
  return typeof jar === "string" && (jar === "command-runner.jar" || jar.endsWith("/command-runner.jar"));
}

/**
 * A check of a string that remembers the last value it accepted: requests repeat the same role, key, log bucket or
 * program in every step, and a repeated value need not be checked again.
 */
export function remembering(accepts: (value: string) => boolean): (value: string) => boolean {
  let accepted: string | undefined;
  return (value) => {
    if (value === accepted) return true;
    if (!accepts(value)) return false;
    accepted = value;
    return true;
  };
}

/** `remembering` for a pattern. */
export function rememberingTest(pattern: RegExp): (value: string) => boolean {
  return remembering((value) => pattern.test(value));
}
