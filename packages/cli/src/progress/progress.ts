import type { RunEvent } from "@emrkit/runtime";

/** Where a run's progress is shown: a live display on a terminal, or plain lines elsewhere. */
export interface Progress {
  event(event: RunEvent): void;
  /** A line of its own, above the live part of the display. */
  note(line: string): void;
  /** Ends the display: the live part is erased and the cursor shown again. Idempotent. */
  stop(): void;
}
