import type { EMRClient } from "@aws-sdk/client-emr";
import { redact } from "@emrkit/dsl";
import type { StepResult } from "../types.js";
import { readFailureLog } from "./failure-log.js";
import { probableCause } from "./probable-cause.js";

/**
 * Completes a failed step's `failure` from its stderr (`LogFile`, else the step's log prefix): the probable cause when
 * the log was read, else `logError`, why it could not be (never a cause silently missing). Both through the DSL's
 * `redact`, as logs and error messages may quote secrets.
 */
export async function explainFailure(
  failure: NonNullable<StepResult["failure"]>,
  logPrefix: string | undefined,
  waitMs: number,
  client: EMRClient,
): Promise<void> {
  const log = await readFailureLog(failure.logFile ?? logPrefix, waitMs, client);
  if (log === undefined) return;
  if ("error" in log) {
    failure.logError = redact(log.error);
    return;
  }
  const cause = probableCause(log.text);
  if (cause !== undefined) {
    failure.probableCause = { summary: redact(cause.summary), lines: cause.lines.map(redact), logFile: log.path };
  }
}
