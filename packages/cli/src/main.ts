import { Command, CommanderError, Option } from "commander";
import { codegenCommand } from "./commands/codegen.js";
import { type LocalOptions, localCommand } from "./commands/local.js";
import { FORMATS, renderCommand } from "./commands/render.js";
import { type SubmitOptions, submitCommand } from "./commands/submit.js";
import { validateCommand } from "./commands/validate.js";
import { consoleOutput, type Output } from "./output.js";

/** The `emrkit` command. Returns the exit code; errors are one clear line, never a stack trace. */
export async function main(argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  let code = 0;
  const program = new Command("emrkit")
    .description("Compose, check and run Amazon EMR steps, on EMR or on a local emulator.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.log(s.trimEnd()), writeErr: (s) => out.error(s.trimEnd()) });
  program
    .command("validate")
    .description("check steps files (.json in API or CLI format, or .ts/.js modules) and print every issue")
    .argument("<files...>")
    .action(async (files: string[]) => {
      code = await validateCommand(files, out);
    });
  program
    .command("render")
    .description("print steps in another format")
    .argument("<file>")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("api"))
    .option("--cluster <id>", "the cluster id to put in the output", "j-CLUSTERID")
    .action(async (file: string, o: { format: string; cluster: string }) => {
      code = await renderCommand(file, o.format, o.cluster, out);
    });
  program
    .command("submit")
    .description("run steps on a cluster (--cluster) or on the embedded emulator (--local) and follow them")
    .argument("<file>")
    .option("--cluster <id>", "an EMR cluster id (j-…)")
    .option("--local", "start the emulator in this process and run there")
    .option("--region <region>", "AWS region")
    .option("--endpoint <url>", "EMR endpoint URL")
    .option("--no-wait", "return once the steps are submitted")
    .option("--json", "print the final result as JSON")
    .option("--keep", "with --local: keep the emulator's data (journal, local S3, step logs) and print where it is")
    .action(async (file: string, o: SubmitOptions) => {
      code = await submitCommand(file, o, out);
    });
  program
    .command("local")
    .description("run the local EMR emulator in the foreground")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", "0")
    .option("--data-dir <dir>", "where clusters, steps and logs are kept (default: a temporary directory)")
    .option("--s3-root <dir>", "where s3:// locations resolve")
    .option(
      "--verify-signatures",
      "refuse requests not signed (SigV4) with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment",
    )
    .option("--insecure", "allow a non-loopback host without signature verification")
    .option("--keep", "without --data-dir: keep the temporary data directory when it stops (removed by default)")
    .action(async (o: LocalOptions) => {
      code = await localCommand(o);
    });
  program
    .command("codegen")
    .description("run the code generator (see emrkit codegen --help)")
    .allowUnknownOption()
    .helpOption(false)
    .argument("[args...]")
    .action(async (args: string[]) => {
      code = await codegenCommand(args, out);
    });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    out.error(`emrkit: ${(error as Error).message.split("\n")[0]}`);
    return 1;
  }
}
