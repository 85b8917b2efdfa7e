import { redact } from "@emrkit/dsl";
import { EXIT } from "../exit-codes.js";
import { jsonDocument } from "../json/json-output.js";
import { formatLocatedIssues } from "../load/format-located-issues.js";
import { type LoadedSteps, loadSteps } from "../load/load-steps.js";
import { StepsFileError } from "../load/steps-file-error.js";
import type { Output } from "../output.js";
import { plural } from "../plural.js";
import { requestCount } from "../request-count.js";

type Checked = { file: string; loaded: LoadedSteps } | { file: string; error: StepsFileError };

/**
 * `emrkit validate FILE…`: every file is checked, a bad one included, and each says how many steps it holds, how
 * many AddJobFlowSteps requests they take, and every issue with its place in the file. Exit 3 when any file has an
 * error or cannot be read.
 */
export async function validateCommand(files: string[], options: { json?: boolean }, out: Output): Promise<number> {
  const checked: Checked[] = [];
  for (const file of files) {
    try {
      checked.push({ file, loaded: await loadSteps(file) });
    } catch (error) {
      if (!(error instanceof StepsFileError)) throw error;
      checked.push({ file, error });
    }
  }
  const bad = checked.filter((c) => "error" in c || errorsOf(c.loaded) > 0).length;
  if (options.json) out.log(jsonDocument("validate", { ok: bad === 0, files: checked.map(asJson) }));
  else {
    for (const c of checked) out.log(redact(asText(c)));
    if (checked.length > 1) {
      out.log(`${plural(checked.length, "file")} checked: ${bad === 0 ? "no errors" : `${bad} with errors`}`);
    }
  }
  return bad === 0 ? EXIT.ok : EXIT.invalidInput;
}

function errorsOf(loaded: LoadedSteps): number {
  return loaded.issues.filter((issue) => issue.severity === "error").length;
}

function asText(c: Checked): string {
  if ("error" in c) return c.error.message;
  const { loaded } = c;
  const errors = errorsOf(loaded);
  const warnings = loaded.issues.length - errors;
  const requests = errors === 0 ? ` in ${plural(requestCount(loaded.steps, loaded.after), "request")}` : "";
  const head = `${c.file}: ${plural(loaded.stepCount, "step")}${requests}, ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return [head, ...formatLocatedIssues(c.file, loaded.issues).map((line) => `  ${line}`)].join("\n");
}

function asJson(c: Checked): Record<string, unknown> {
  if ("error" in c) {
    const { file, reason, at } = c.error;
    return { file, ok: false, error: { kind: "file", message: c.error.message, reason, file, ...at } };
  }
  const { loaded } = c;
  const errors = errorsOf(loaded);
  return {
    file: c.file,
    ok: errors === 0,
    format: loaded.format,
    steps: loaded.stepCount,
    ...(errors === 0 ? { requests: requestCount(loaded.steps, loaded.after) } : {}),
    errors,
    warnings: loaded.issues.length - errors,
    issues: loaded.issues,
  };
}
