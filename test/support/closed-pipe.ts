/**
 * For the tests of commands whose output may go to a reader that stops early (`… | head`): runs node with `args`,
 * its standard output a pipe whose reading end is closed before the command writes anything, so that every write
 * meets a broken pipe (with `head`, whether one does depends on timing). Shared by the packages' broken-pipe tests.
 */
import { spawn } from "node:child_process";

export function runIntoClosedPipe(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
