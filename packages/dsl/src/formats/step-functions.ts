/**
 * A chain of Amazon States Language Task states, one per step, each calling the EMR service integration
 * `arn:aws:states:::elasticmapreduce:addStep.sync` (Step Functions Developer Guide, "Call Amazon EMR with Step
 * Functions"), which adds the step and waits for it: the states run in the steps' order. Parameters are the
 * AddJobFlowSteps shapes (`ClusterId`, `Step`).
 */
import type { StepConfig } from "../generated/types.generated.js";
import { FormatError, parsed } from "./format-error.js";
import { setOwn } from "./set-own.js";
import { valueKind } from "./value-kind.js";

export const ADD_STEP_SYNC = "arn:aws:states:::elasticmapreduce:addStep.sync";

export interface AslTaskState {
  Type: "Task";
  Resource: typeof ADD_STEP_SYNC;
  Parameters: { ClusterId: string; Step: StepConfig; ExecutionRoleArn?: string };
  Next?: string;
  End?: true;
}

export interface AslStateMachine {
  Comment?: string;
  StartAt: string;
  States: Record<string, AslTaskState>;
}

/** State names are at most 80 characters and unique: the step name, cut and numbered when needed. */
function stateNames(steps: readonly StepConfig[]): string[] {
  const used = new Set<string>();
  return steps.map((step, i) => {
    let name = step.Name.slice(0, 80) || `Step ${i + 1}`;
    for (let n = 2; used.has(name); n++) name = `${step.Name.slice(0, 70)} (${n})`;
    used.add(name);
    return name;
  });
}

/**
 * A state machine that runs the steps one after another on a cluster.
 * @example toStepFunctions(steps, { clusterId: "j-1" }).States["etl"].Resource // "arn:aws:states:::elasticmapreduce:addStep.sync"
 */
export function toStepFunctions(
  steps: readonly StepConfig[],
  options: { clusterId: string; executionRoleArn?: string; comment?: string },
): AslStateMachine {
  if (steps.length === 0) throw new FormatError("toStepFunctions: a state machine needs at least one step");
  const names = stateNames(steps);
  const States: Record<string, AslTaskState> = {};
  steps.forEach((step, i) => {
    const Parameters: AslTaskState["Parameters"] = { ClusterId: options.clusterId, Step: step };
    if (options.executionRoleArn !== undefined) Parameters.ExecutionRoleArn = options.executionRoleArn;
    const state: AslTaskState = { Type: "Task", Resource: ADD_STEP_SYNC, Parameters };
    if (i + 1 < steps.length) state.Next = names[i + 1]!;
    else state.End = true;
    setOwn(States, names[i]!, state);
  });
  const machine: AslStateMachine = { StartAt: names[0]!, States };
  if (options.comment !== undefined) machine.Comment = options.comment;
  return machine;
}

/** The steps of a chain of addStep(.sync) Task states, following StartAt and Next. */
export function fromStepFunctions(definition: unknown): StepConfig[] {
  const machine = parsed("fromStepFunctions", definition) as Partial<AslStateMachine>;
  // No definition, or one without StartAt, is refused: read as no steps, it would run nothing and say nothing.
  if (typeof machine !== "object" || machine === null || Array.isArray(machine)) {
    throw new FormatError(
      `fromStepFunctions: the definition must be an object with StartAt and States, but is ${valueKind(machine)}`,
    );
  }
  if (machine.StartAt === undefined) {
    throw new FormatError("fromStepFunctions: StartAt is required, the name of the first state");
  }
  if (typeof machine.StartAt !== "string") {
    throw new FormatError(`fromStepFunctions: StartAt must be a state's name, but is ${valueKind(machine.StartAt)}`);
  }
  const states = machine.States ?? {};
  const steps: StepConfig[] = [];
  const seen = new Set<string>();
  const own = (name: string) => (Object.hasOwn(states, name) ? states[name] : undefined);
  for (let name: string | undefined = machine.StartAt; name !== undefined; name = own(name)?.Next) {
    if (seen.has(name)) throw new FormatError(`fromStepFunctions: the states loop at ${JSON.stringify(name)}`);
    seen.add(name);
    const state = own(name);
    if (state === undefined) throw new FormatError(`fromStepFunctions: no state named ${JSON.stringify(name)}`);
    if (!state.Resource?.startsWith("arn:aws:states:::elasticmapreduce:addStep")) {
      throw new FormatError(`fromStepFunctions: state ${JSON.stringify(name)} does not add an EMR step`);
    }
    const step = state.Parameters?.Step;
    if (typeof step !== "object" || step === null) {
      throw new FormatError(
        `fromStepFunctions: state ${JSON.stringify(name)} has no Parameters.Step, the step it adds`,
      );
    }
    steps.push(step);
  }
  return steps;
}
