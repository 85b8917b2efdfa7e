import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import { formatLocatedIssues } from "../load/format-located-issues.js";
import { type LoadedSteps, loadSteps } from "../load/load-steps.js";
import { StepsFileError } from "../load/steps-file-error.js";
import { plural } from "../plural.js";

/** The file's steps for render and submit, which need them whole: a file that cannot be read or has errors is a CliError. */
export async function loadUsable(file: string): Promise<LoadedSteps> {
  let loaded: LoadedSteps;
  try {
    loaded = await loadSteps(file);
  } catch (error) {
    if (!(error instanceof StepsFileError)) throw error;
    throw new CliError("file", EXIT.invalidInput, error.message, { file, ...error.at });
  }
  const errors = loaded.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) {
    const lines = formatLocatedIssues(file, errors).join("\n");
    throw new CliError("invalid-input", EXIT.invalidInput, `${file} has ${plural(errors.length, "error")}:\n${lines}`, {
      file,
      issues: loaded.issues,
    });
  }
  if (loaded.steps.length === 0)
    throw new CliError("invalid-input", EXIT.invalidInput, `${file} has no steps`, { file });
  return loaded;
}
