import {
  type AddJobFlowStepsInput,
  FormatError,
  type StepConfig,
  toCliSteps,
  toCloudFormation,
  toStepFunctions,
} from "@emrkit/dsl";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import type { Format } from "./formats.js";

/** What goes into a rendering: the steps, and what came with them. Nothing is invented for what is missing. */
export interface RenderInput {
  steps: StepConfig[];
  clusterId?: string;
  executionRoleArn?: string;
  /** Step name → names it runs after, from a pipeline module. */
  after?: Record<string, readonly string[]>;
  /** The file is a list of steps (`[0].Name`), not a request (`Steps[0].Name`): how its paths are written. */
  list?: boolean;
}

/**
 * The input in one format, all of it, or a CliError (cannot-express) naming what the format has no place for.
 * A cluster id that is not known is left to be filled in where the format can say so: a CloudFormation parameter,
 * the Step Functions execution's input (`$.ClusterId`); the API request then has no JobFlowId.
 */
export function renderAs(format: Format, input: RenderInput): unknown {
  const { steps, clusterId, executionRoleArn } = input;
  const ordered = Object.entries(input.after ?? {}).filter(([, deps]) => deps.length > 0);
  if (ordered.length > 0 && format !== "step-functions") {
    const [name, deps] = ordered[0]!;
    throw cannot(
      `--format ${format} cannot express the pipeline's dependencies (${name} after ${deps.join(", ")}${ordered.length > 1 ? `, and ${ordered.length - 1} more` : ""}): its steps would all be sent at once and a step would run after one it depends on failed; use --format step-functions (one step after another, stopping at a failure) or emrkit submit, which holds each step until its dependencies have completed`,
    );
  }
  try {
    switch (format) {
      case "api":
        return {
          ...(clusterId === undefined ? {} : { JobFlowId: clusterId }),
          ...(executionRoleArn === undefined ? {} : { ExecutionRoleArn: executionRoleArn }),
          Steps: steps,
        } satisfies Partial<AddJobFlowStepsInput>;
      case "cli":
        return toCliSteps(steps);
      case "cloudformation":
        return cloudFormation(steps, clusterId, executionRoleArn);
      case "step-functions":
        return stepFunctions(steps, clusterId, executionRoleArn);
    }
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    const message = error.message.replace(/^\w+: /, `--format ${format}: `);
    throw cannot(input.list ? message.replace(/\bSteps\[(\d+)\]/g, "[$1]") : message);
  }
}

function cloudFormation(steps: StepConfig[], clusterId: string | undefined, role: string | undefined): unknown {
  // AWS::EMR::Step has Name, ActionOnFailure, HadoopJarStep and JobFlowId, nothing for a runtime role
  // (CloudFormation Template Reference, AWS::EMR::Step).
  if (role !== undefined) {
    throw cannot(
      `--format cloudformation cannot express ExecutionRoleArn ${role}: AWS::EMR::Step has no runtime role property; use --format api, cli or step-functions`,
    );
  }
  const template = toCloudFormation(steps, { jobFlowId: clusterId ?? { Ref: "ClusterId" } });
  if (clusterId !== undefined) return template;
  return {
    Parameters: { ClusterId: { Type: "String", Description: "The EMR cluster (j-…) the steps are added to" } },
    ...template,
  };
}

function stepFunctions(steps: StepConfig[], clusterId: string | undefined, role: string | undefined): unknown {
  const machine = toStepFunctions(steps, {
    clusterId: clusterId ?? "",
    ...(role === undefined ? {} : { executionRoleArn: role }),
  });
  if (clusterId !== undefined) return machine;
  // The execution's input names the cluster: `"ClusterId.$": "$.ClusterId"` (Amazon States Language, Parameters).
  for (const state of Object.values(machine.States)) {
    const { ClusterId: _none, ...rest } = state.Parameters;
    (state as { Parameters: unknown }).Parameters = { "ClusterId.$": "$.ClusterId", ...rest };
  }
  return machine;
}

function cannot(message: string): CliError {
  return new CliError("cannot-express", EXIT.invalidInput, message);
}
