import type { AddJobFlowStepsInput } from "../generated/types.generated.js";
import { EmrValidationError } from "../issues/emr-validation-error.js";
import { validate } from "../validate/validate.js";
import { append, type Chain, toArray } from "./chain.js";
import { type StepLike, toStepConfig } from "./step-like.js";

interface JobFlowState {
  readonly clusterId: string;
  readonly steps: Chain<StepLike> | undefined;
  readonly executionRoleArn?: string;
}

/** An AddJobFlowSteps request being built: immutable, steps shared between derived builders. */
export class JobFlowBuilder {
  readonly state: JobFlowState;

  constructor(state: JobFlowState) {
    this.state = Object.freeze(state);
  }

  /** Appends steps: complete builders or built StepConfigs. */
  add(...steps: StepLike[]): JobFlowBuilder {
    return new JobFlowBuilder({ ...this.state, steps: append(this.state.steps, steps) });
  }

  /** The IAM role the steps run as (`ExecutionRoleArn`). */
  executionRole(roleArn: string): JobFlowBuilder {
    return new JobFlowBuilder({ ...this.state, executionRoleArn: roleArn });
  }

  $call<R>(fn: (builder: this) => R): R {
    return fn(this);
  }

  $if(condition: boolean, fn: (builder: this) => JobFlowBuilder): JobFlowBuilder {
    return condition ? fn(this) : this;
  }

  /** The request, unchecked. */
  toInput(): AddJobFlowStepsInput {
    const input: AddJobFlowStepsInput = {
      JobFlowId: this.state.clusterId,
      Steps: toArray(this.state.steps).map(toStepConfig),
    };
    if (this.state.executionRoleArn !== undefined) input.ExecutionRoleArn = this.state.executionRoleArn;
    return input;
  }

  /**
   * The request, checked against everything that needs no cluster; throws EmrValidationError with every issue.
   * @example
   * jobFlow("j-1").add(step("etl").jar("s3://b/etl.jar")).build()
   * // { JobFlowId: "j-1", Steps: [{ Name: "etl", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "s3://b/etl.jar" } }] }
   */
  build(): AddJobFlowStepsInput {
    // Plain data whatever add() was given: toStepConfig snapshots StepConfigs, so what is checked is what is sent.
    const input = this.toInput();
    const result = validate(input);
    if (!result.ok) throw new EmrValidationError(result.issues);
    return input;
  }
}

/** Starts an AddJobFlowSteps request for a cluster. */
export function jobFlow(clusterId: string): JobFlowBuilder {
  return new JobFlowBuilder({ clusterId, steps: undefined });
}
