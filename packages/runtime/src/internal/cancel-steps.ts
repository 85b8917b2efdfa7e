import { CancelStepsCommand, type CancelStepsOutput, type StepCancellationOption } from "@aws-sdk/client-emr";
import { CANCEL_STEPS_MAX_IDS } from "@emrkit/dsl";
import type { RunEvent } from "../types.js";
import { chunk } from "./chunk.js";
import type { EmrCalls } from "./emr-calls.js";
import { pollSteps } from "./poll-steps.js";

type CancelEvent = Extract<RunEvent, { type: "cancel" }>;

/**
 * CancelSteps in calls of at most 256 ids, each answer checked id by id; one `cancel` event per call. A refusal is
 * checked against the step's state: when an earlier attempt of the same call committed but its answer was lost,
 * the retry is refused for steps that are in fact being cancelled, and those count as cancelled.
 */
export async function cancelSteps(
  calls: EmrCalls,
  clusterId: string,
  stepIds: readonly string[],
  option: StepCancellationOption,
  emit: (event: RunEvent) => void,
): Promise<CancelEvent[]> {
  const events: CancelEvent[] = [];
  for (const ids of chunk(stepIds, CANCEL_STEPS_MAX_IDS)) {
    const output = await calls.call<CancelStepsOutput>(
      () => new CancelStepsCommand({ ClusterId: clusterId, StepIds: ids, StepCancellationOption: option }),
      true,
    );
    const answers = new Map((output.CancelStepsInfoList ?? []).map((info) => [info.StepId, info]));
    const refused = ids.filter((id) => answers.get(id)?.Status !== "SUBMITTED");
    const now = refused.length > 0 ? await pollSteps(calls, clusterId, refused, Number.POSITIVE_INFINITY) : new Map();
    const event: CancelEvent = { type: "cancel", requested: ids, cancelled: [], failed: [] };
    for (const id of ids) {
      const answer = answers.get(id);
      const state = now.get(id)?.Status?.State;
      if (answer?.Status === "SUBMITTED" || state === "CANCEL_PENDING" || state === "CANCELLED")
        event.cancelled.push(id);
      else
        event.failed.push({ stepId: id, reason: answer?.Reason ?? "no answer for this step in CancelStepsInfoList" });
    }
    emit(event);
    events.push(event);
  }
  return events;
}
