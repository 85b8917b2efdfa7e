import { redact } from "@emrkit/dsl";
import { plural } from "../plural.js";
import type { BoardStep, StepBoard } from "../progress/step-board.js";

const key = (signal: NodeJS.Signals) => (signal === "SIGINT" ? "Ctrl-C" : signal);
const named = (steps: readonly BoardStep[]) => steps.map((s) => `${s.name} (${s.id})`).join(", ");

/** Said at the first signal: what is being cancelled, and what a second one would do. */
export function cancellingMessage(signal: NodeJS.Signals, board: StepBoard, local: boolean): string {
  const unfinished = board.unfinished();
  const unsent = board.total - board.steps.size;
  const what =
    unfinished.length > 0
      ? `cancelling ${plural(unfinished.length, "step")}: ${named(unfinished)}${unsent > 0 ? `, and not submitting the other ${unsent}` : ""}`
      : board.steps.size === 0
        ? "stopping before any step is submitted"
        : "stopping";
  const second = local ? "stop the local emulator and its steps at once" : "exit at once, leaving the steps running";
  return redact(`${key(signal)}: ${what} (${key(signal)} again to ${second})`);
}

/** Said at the first signal, once the run has ended: what was cancelled. */
export function cancelledMessage(board: StepBoard): string {
  const cancelled = [...board.steps.values()].filter((s) => s.state === "CANCELLED");
  return redact(
    cancelled.length > 0
      ? `cancelled ${plural(cancelled.length, "step")}: ${named(cancelled)}`
      : "no step needed cancelling",
  );
}

/** Where the command is and how to reach it the way `aws` would, for the cancel-steps line. */
export interface Where {
  clusterId: string | undefined;
  region: string | undefined;
  profile?: string;
  endpoint?: string;
}

/**
 * Said at the second signal, as the process exits without waiting: which steps may still be running, and the
 * AWS CLI command that cancels them (`aws emr cancel-steps`, which takes up to 256 ids, EMR API reference).
 */
export function leavingMessage(board: StepBoard, where: Where, local: boolean): string[] {
  const unfinished = board.unfinished();
  if (local) return [`exiting now: the local emulator stops ${plural(unfinished.length, "unfinished step")} with it`];
  if (where.clusterId === undefined || (unfinished.length === 0 && board.steps.size === board.total)) {
    return ["exiting now"];
  }
  const options = [
    where.region === undefined ? "" : ` --region ${where.region}`,
    where.profile === undefined ? "" : ` --profile ${where.profile}`,
    where.endpoint === undefined ? "" : ` --endpoint-url ${where.endpoint}`,
  ].join("");
  const lines: string[] = [];
  if (unfinished.length > 0) {
    lines.push(
      `exiting now: ${plural(unfinished.length, "step")} may still be running on ${where.clusterId}: ${named(unfinished)}`,
    );
    for (let i = 0; i < unfinished.length; i += 256) {
      const ids = unfinished.slice(i, i + 256).map((s) => s.id);
      lines.push(
        `cancel them with: aws emr cancel-steps --cluster-id ${where.clusterId} --step-ids ${ids.join(" ")}${options}`,
      );
    }
  } else lines.push("exiting now");
  if (board.steps.size < board.total) {
    lines.push(
      `steps being submitted at this moment may run too: aws emr list-steps --cluster-id ${where.clusterId} --step-states PENDING RUNNING${options}`,
    );
  }
  return lines.map(redact);
}
