import { ListStepsCommand, type ListStepsInput, type ListStepsOutput, type StepSummary } from "@aws-sdk/client-emr";
import type { EmrCalls } from "./emr-calls.js";

/** Pages through ListSteps (newest first) until `visit` returns false or the pages end. */
export async function eachStep(
  calls: EmrCalls,
  input: Omit<ListStepsInput, "Marker">,
  visit: (step: StepSummary) => boolean,
): Promise<void> {
  let marker: string | undefined;
  do {
    const page: ListStepsOutput = await calls.call(() => new ListStepsCommand({ ...input, Marker: marker }), true);
    for (const step of page.Steps ?? []) if (!visit(step)) return;
    marker = page.Marker;
  } while (marker !== undefined);
}
