import { redact, toCliSteps, toCloudFormation, toStepFunctions } from "@emrkit/dsl";
import { loadSteps } from "../load-steps.js";
import type { Output } from "../output.js";

export const FORMATS = ["api", "cli", "cloudformation", "step-functions"] as const;

/** `emrkit render FILE --format …`: the steps in the chosen format, as JSON. Secrets show as ***. */
export async function renderCommand(file: string, format: string, clusterId: string, out: Output): Promise<number> {
  const { steps, issues } = await loadSteps(file);
  if (issues.some((i) => i.severity === "error")) {
    out.error(`${file} has errors; run \`emrkit validate ${file}\``);
    return 1;
  }
  const rendered =
    format === "cli"
      ? toCliSteps(steps)
      : format === "cloudformation"
        ? toCloudFormation(steps, { jobFlowId: clusterId })
        : format === "step-functions"
          ? toStepFunctions(steps, { clusterId })
          : { JobFlowId: clusterId, Steps: steps };
  out.log(redact(JSON.stringify(rendered, null, 2)));
  return 0;
}
