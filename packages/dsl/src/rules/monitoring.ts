import { forEachStep, type RuleInput } from "./rule.js";

/** Calls `visit` with each step's S3MonitoringConfiguration member `name` when it is a string, and its path. */
export function forEachMonitoringValue(
  input: RuleInput,
  name: "LogUri" | "EncryptionKeyArn",
  visit: (value: string, path: string) => void,
): void {
  forEachStep(input, (step, index) => {
    const monitoring = step.StepMonitoringConfiguration as Record<string, unknown> | null | undefined;
    if (typeof monitoring !== "object" || monitoring === null) return;
    const s3 = monitoring.S3MonitoringConfiguration as Record<string, unknown> | null | undefined;
    if (typeof s3 !== "object" || s3 === null) return;
    const value = s3[name];
    if (typeof value === "string") {
      visit(value, `Steps[${index}].StepMonitoringConfiguration.S3MonitoringConfiguration.${name}`);
    }
  });
}
