import { redact } from "@emrkit/dsl";
import type { RunEvent } from "@emrkit/runtime";
import { plural } from "../plural.js";
import { formatDuration } from "./duration.js";
import type { BoardStep } from "./step-board.js";

/** `hello (s-1ABC) COMPLETED after 2.3s`, `boom (s-2DEF) FAILED after 0.4s: Step failed`. Redacted. */
export function stepLine(step: BoardStep): string {
  const ran = step.ranForMs === undefined ? "" : ` after ${formatDuration(step.ranForMs)}`;
  const why = step.state === "FAILED" && step.reason ? `: ${step.reason}` : "";
  return redact(`${step.name} (${step.id}) ${step.state}${ran}${why}`);
}

/** What an event other than a step's change has to say, as one line; undefined for those it need not tell. */
export function eventNote(event: RunEvent): string | undefined {
  switch (event.type) {
    case "submitted":
      return `submitted ${plural(event.steps.length, "step")}`;
    case "resumed":
      return `resumed ${plural(event.steps.length, "step")} that an earlier run with key ${event.key} had submitted`;
    case "held":
      return event.because === "dependencies"
        ? redact(`held: ${event.step} waits for ${event.waitingFor.join(", ")} to complete`)
        : redact(`held: ${event.step} waits for room on the cluster (at most 256 active steps)`);
    case "retry":
      return redact(
        `retrying ${event.operation} (attempt ${event.attempt + 1}${event.delayMs > 0 ? `, in ${formatDuration(event.delayMs)}` : ""}): ${event.error}`,
      );
    case "cancel": {
      const failed = event.failed.map((f) => `${f.stepId}: ${f.reason}`);
      return redact(
        `cancel requested for ${plural(event.requested.length, "step")}${failed.length > 0 ? `; EMR refused ${failed.join("; ")}` : ""}`,
      );
    }
    default:
      return undefined;
  }
}
