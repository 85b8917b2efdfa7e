import { redact } from "@emrkit/dsl";
import type { RunEvent } from "@emrkit/runtime";
import { formatDuration } from "./duration.js";
import { eventNote, stepLine } from "./event-lines.js";
import type { Progress } from "./progress.js";
import type { StepBoard } from "./step-board.js";

/** How long a log may stay silent while steps run: then a line says which are running, and for how long. */
const QUIET_MS = 60_000;

/**
 * One line per step change, `<EMR's time> <name> (<id>) <STATE>`, and one per other event worth telling: for logs,
 * pipes and terminals that cannot move the cursor (TERM=dumb). In the order the runtime tells them, which is the
 * order they happened in. When nothing has changed for a minute while steps run (a long step on EMR), a line says
 * which are running and for how long, so that a CI log shows the run is alive.
 */
export function plainProgress(
  board: StepBoard,
  write: (line: string) => void,
  { now = Date.now, quietMs = QUIET_MS }: { now?: () => number; quietMs?: number } = {},
): Progress {
  let last = now();
  const say = (line: string) => {
    last = now();
    write(line);
  };
  const timer = setInterval(
    () => {
      const running = board.running();
      if (running.length === 0 || now() - last < quietMs) return;
      const each = running.map((s) => `${s.name} (${s.id}) ${formatDuration(now() - (s.runningSince ?? now()))}`);
      say(redact(`still running: ${each.join(", ")} · ${board.describe()}`));
    },
    Math.min(quietMs, 5_000),
  );
  timer.unref();
  return {
    event(event: RunEvent) {
      const step = board.apply(event);
      if (event.type === "step" && step !== undefined) say(`${event.at.toISOString()} ${stepLine(step)}`);
      else {
        const note = eventNote(event);
        if (note !== undefined) say(note);
      }
    },
    note: say,
    stop() {
      clearInterval(timer);
    },
  };
}
