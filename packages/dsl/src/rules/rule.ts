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

/** One EMR rule beyond the model: its code, where EMR documents it, and the check. */
export interface Rule {
  readonly code: RuleCode;
  readonly source: string;
  check(input: RuleInput, issues: Issue[]): void;
}

/** Calls `visit` for every step that is an object, with its index. */
export function forEachStep(input: RuleInput, visit: (step: Record<string, unknown>, index: number) => void): void {
  const steps = input.steps;
  if (steps === undefined) return;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof step === "object" && step !== null && !Array.isArray(step)) visit(step as Record<string, unknown>, i);
  }
}

/** A step's HadoopJarStep when it is an object. */
export function jarStepOf(step: Record<string, unknown>): Record<string, unknown> | undefined {
  const value = step.HadoopJarStep;
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Whether a step's jar is command-runner.jar (bare, or at any path). */
export function runsCommandRunner(jarStep: Record<string, unknown>): boolean {
  const jar = jarStep.Jar;
  return typeof jar === "string" && (jar === "command-runner.jar" || jar.endsWith("/command-runner.jar"));
}
