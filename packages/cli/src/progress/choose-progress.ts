import { liveProgress, type TerminalStream } from "./live-progress.js";
import { plainProgress } from "./plain-progress.js";
import type { Progress } from "./progress.js";
import type { StepBoard } from "./step-board.js";

/**
 * The live display when standard error is a terminal that can move its cursor; plain lines when it is a file, a
 * pipe or TERM=dumb; with `quiet` (--json, whose output is the result alone) the board's counting and notes alone.
 */
export function chooseProgress(
  board: StepBoard,
  {
    quiet,
    stream = process.stderr,
    env = process.env,
  }: { quiet: boolean; stream?: TerminalStream & { isTTY?: boolean }; env?: NodeJS.ProcessEnv },
): Progress {
  // Notes still go to standard error (an interrupt's, say): only the step lines are left out.
  if (quiet) return { ...plainProgress(board, () => {}), note: (line) => stream.write(`${line}\n`) };
  if (stream.isTTY === true && env.TERM !== "dumb") return liveProgress(board, stream);
  return plainProgress(board, (line) => stream.write(`${line}\n`));
}
