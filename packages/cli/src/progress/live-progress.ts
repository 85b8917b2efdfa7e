import { redact } from "@emrkit/dsl";
import type { RunEvent } from "@emrkit/runtime";
import { formatDuration } from "./duration.js";
import { eventNote, stepLine } from "./event-lines.js";
import { fitToWidth } from "./fit-to-width.js";
import type { Progress } from "./progress.js";
import type { BoardStep, StepBoard } from "./step-board.js";

/** What the live display needs of a terminal: process.stderr when it is a TTY. */
export interface TerminalStream {
  write(text: string): unknown;
  columns?: number;
  rows?: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const MARK: Record<string, string> = { COMPLETED: "✔", FAILED: "✖", INTERRUPTED: "✖", CANCELLED: "⊘" };
const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";
/** What a terminal that reports no size (0 columns under some CI shells and editors) is taken to be. */
const FALLBACK = { columns: 80, rows: 24 };

/**
 * The display on a terminal: every step that ends gets a line of its own that stays (✔/✖ name (id) STATE after
 * 2.3s), and below them a live part, redrawn in place, with each running step and how long it has run, then one
 * line of counts and the run's elapsed time. Live lines are cut to the terminal's width, so that none wraps and the
 * redraw always erases what it drew; the running steps shown are capped to the terminal's height.
 */
export function liveProgress(
  board: StepBoard,
  stream: TerminalStream,
  { now = Date.now, tickMs = 1000 }: { now?: () => number; tickMs?: number } = {},
): Progress {
  const startedAt = now();
  let drawn = 0;
  let frame = 0;
  let stopped = false;
  let scheduled: NodeJS.Timeout | undefined;
  const lasting: string[] = [];
  const size = () => ({
    columns: stream.columns && stream.columns > 0 ? stream.columns : FALLBACK.columns,
    rows: stream.rows && stream.rows > 0 ? stream.rows : FALLBACK.rows,
  });
  const liveLines = (): string[] => {
    const { columns, rows } = size();
    const running = board.running().sort((a, b) => (a.runningSince ?? 0) - (b.runningSince ?? 0));
    const room = Math.max(1, rows - 3);
    const shown = running.length > room ? running.slice(0, room - 1) : running;
    const spinner = SPINNER[frame % SPINNER.length]!;
    const lines = shown.map((step) => `${spinner} ${runningLine(step, now())}`);
    if (shown.length < running.length) lines.push(`  … and ${running.length - shown.length} more running`);
    lines.push(`${board.describe()} · ${formatDuration(now() - startedAt)}`);
    return lines.map((line) => fitToWidth(line, columns));
  };
  const draw = () => {
    scheduled = undefined;
    if (stopped) return;
    frame++;
    const live = liveLines();
    stream.write(`${erase()}${lasting.splice(0).join("")}${live.map((line) => `${line}\n`).join("")}`);
    drawn = live.length;
  };
  const erase = () => {
    const up = drawn > 0 ? `\r\x1b[${drawn}A\x1b[J` : "";
    drawn = 0;
    return up;
  };
  const soon = () => {
    scheduled ??= setTimeout(draw, 0);
  };
  const timer = setInterval(draw, tickMs);
  timer.unref();
  const restoreCursor = () => stream.write(SHOW_CURSOR);
  process.once("exit", restoreCursor);
  stream.write(HIDE_CURSOR);
  return {
    event(event: RunEvent) {
      const step = board.apply(event);
      if (event.type === "step" && step !== undefined && MARK[step.state] !== undefined) {
        lasting.push(`${MARK[step.state]} ${stepLine(step)}\n`);
      } else if (event.type !== "step") {
        const note = eventNote(event);
        if (note !== undefined) lasting.push(`${note}\n`);
      }
      soon();
    },
    note(line) {
      lasting.push(`${redact(line)}\n`);
      soon();
    },
    stop() {
      if (stopped) return;
      clearInterval(timer);
      if (scheduled) clearTimeout(scheduled);
      stopped = true;
      stream.write(`${erase()}${lasting.splice(0).join("")}${SHOW_CURSOR}`);
      process.removeListener("exit", restoreCursor);
    },
  };
}

function runningLine(step: BoardStep, now: number): string {
  const elapsed = step.runningSince === undefined ? "" : ` ${formatDuration(now - step.runningSince)}`;
  return redact(`${step.name} (${step.id}) ${step.state}${elapsed}`);
}
