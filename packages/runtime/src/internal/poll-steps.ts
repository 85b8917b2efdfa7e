import { ListStepsCommand, type ListStepsOutput, type StepSummary } from "@aws-sdk/client-emr";
import { LIST_STEPS_MAX_STEP_IDS } from "@emrkit/dsl";
import { chunk } from "./chunk.js";
import type { EmrCalls } from "./emr-calls.js";
import { eachStep } from "./list-steps.js";
import { planPoll } from "./poll-plan.js";

/** One poll: the current summary of each wanted step, by id, read in as few ListSteps calls as `planPoll` finds. */
export async function pollSteps(
  calls: EmrCalls,
  clusterId: string,
  wanted: readonly string[],
  span: number,
): Promise<Map<string, StepSummary>> {
  const found = new Map<string, StepSummary>();
  if (wanted.length === 0) return found;
  if (planPoll(wanted.length, span) === "filtered") {
    for (const ids of chunk(wanted, LIST_STEPS_MAX_STEP_IDS)) {
      const page: ListStepsOutput = await calls.call(
        () => new ListStepsCommand({ ClusterId: clusterId, StepIds: ids }),
        true,
      );
      for (const step of page.Steps ?? []) if (step.Id !== undefined) found.set(step.Id, step);
    }
    return found;
  }
  const missing = new Set(wanted);
  await eachStep(calls, { ClusterId: clusterId }, (step) => {
    if (step.Id !== undefined && missing.delete(step.Id)) found.set(step.Id, step);
    return missing.size > 0;
  });
  return found;
}
