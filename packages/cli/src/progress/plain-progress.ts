import type { RunEvent } from "@emrkit/runtime";
import { eventNote, stepLine } from "./event-lines.js";
import type { Progress } from "./progress.js";
import type { StepBoard } from "./step-board.js";

/**
 * One line per step change, `<EMR's time> <name> (<id>) <STATE>`, and one per other event worth telling: for logs,
 * pipes and terminals that cannot move the cursor (TERM=dumb). In the order the runtime tells them, which is the
 * order they happened in.
 */
export function plainProgress(board: StepBoard, write: (line: string) => void): Progress {
  return {
    event(event: RunEvent) {
      const step = board.apply(event);
      if (event.type === "step" && step !== undefined) write(`${event.at.toISOString()} ${stepLine(step)}`);
      else {
        const note = eventNote(event);
        if (note !== undefined) write(note);
      }
    },
    note: write,
    stop() {},
  };
}
