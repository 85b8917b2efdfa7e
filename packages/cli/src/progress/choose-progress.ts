import { liveProgress, type TerminalStream } from "./live-progress.js";
import { plainProgress } from "./plain-progress.js";
import type { Progress } from "./progress.js";
import type { StepBoard } from "./step-board.js";

/**
 * The live display when standard error is a terminal that can move its cursor; plain lines when it is a file, a
 * pipe or TERM=dumb; nothing but the board's counting with `quiet` (--json, whose output is the result alone).
 */
export function chooseProgress(
  board: StepBoard,
  {
    quiet,
    stream = process.stderr,
    env = process.env,
  }: { quiet: boolean; stream?: TerminalStream & { isTTY?: boolean }; env?: NodeJS.ProcessEnv },
): Progress {
  if (quiet) return plainProgress(board, () => {});
  if (stream.isTTY === true && env.TERM !== "dumb") return liveProgress(board, stream);
  return plainProgress(board, (line) => stream.write(`${line}\n`));
}
