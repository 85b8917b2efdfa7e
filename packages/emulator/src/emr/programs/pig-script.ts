/**
 * `pig-script --run-pig-script --args …`, EMR's Pig step (EMR-FACTS), runs the Pig CLI of this machine in local mode
 * (`-x local`, Pig's single-machine mode) with what follows `--args`: its -f script as a local path, s3:// in -p
 * values to the local S3 (s3-arguments.ts), S3A's settings as Java properties, which Pig takes first.
 */
import { rewriteCli, scriptTool } from "./hive-script.js";
import type { Program, ProgramContext } from "./program.js";

export function pigScript(context: ProgramContext, args: string[], argOffset: number): Promise<Program> {
  return scriptTool(context, "pig-script", "--run-pig-script", args, argOffset, (s3, cliArgs, at) => ({
    args: [
      ...s3.s3aSettings().map(([k, v]) => `-D${k}=${v}`),
      "-x",
      "local",
      ...rewriteCli(s3, cliArgs, at, new Set(["-f", "-file"])),
    ],
    changes: ["-x local added: Pig runs its jobs on this machine, not on YARN"],
  }));
}
