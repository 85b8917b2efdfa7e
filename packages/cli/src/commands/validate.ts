import { formatIssues, redact } from "@emrkit/dsl";
import { loadSteps } from "../load-steps.js";
import type { Output } from "../output.js";

/** `emrkit validate FILE…`: every issue with its path; 1 when any file has an error. */
export async function validateCommand(files: string[], out: Output): Promise<number> {
  let failed = false;
  for (const file of files) {
    const { steps, issues } = await loadSteps(file);
    const errors = issues.filter((i) => i.severity === "error").length;
    failed ||= errors > 0;
    out.log(`${file}: ${steps.length} steps, ${errors} errors, ${issues.length - errors} warnings`);
    if (issues.length > 0) out.log(redact(formatIssues(issues).replace(/^/gm, "  ")));
  }
  return failed ? 1 : 0;
}
