import { Command, CommanderError, Option } from "commander";
import { CliError } from "./cli-error.js";
import { FORMATS, type Format } from "./commands/formats.js";
import type { LocalOptions } from "./commands/local.js";
import { collect } from "./commands/step-environment-options.js";
import type { SubmitOptions } from "./commands/submit-options.js";
import { EXIT, EXIT_CODE_TABLE } from "./exit-codes.js";
import { type Command as JsonCommand, jsonError } from "./json/json-output.js";
import { foldSdkNodeWarning } from "./node-version-warning.js";
import { consoleOutput, type Output } from "./output.js";
import { packageVersion } from "./version.js";

const JSON_COMMANDS = new Set<string>(["validate", "render", "submit"]);

/**
 * The `emrkit` command. Each command's module is imported when it runs: `validate` and `--version` need neither
 * the AWS SDK nor the emulator. Returns the exit code (exit-codes.ts); a failure is one clear message on standard error,
 * never a stack trace, and with `--json` also a JSON document on standard output.
 */
export async function main(argv: readonly string[], out: Output = consoleOutput): Promise<number> {
  const unfold = foldSdkNodeWarning((line) => out.error(line));
  const command = argv.find((arg) => !arg.startsWith("-"));
  const json = argv.includes("--json") && command !== undefined && JSON_COMMANDS.has(command);
  let code: number = EXIT.ok;
  const program = new Command("emrkit")
    .description("Compose, check and run Amazon EMR steps, on EMR or on a local emulator.")
    .version(packageVersion(), "-V, --version", "print emrkit's version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.log(s.trimEnd()),
      // With --json the failure is told once, as JSON and a line of its own, below.
      writeErr: (s) => (json ? undefined : out.error(s.trimEnd())),
    })
    .addHelpText("after", `\n${EXIT_CODE_TABLE}`);
  const subcommand = (name: string) =>
    program.command(name).exitOverride().addHelpText("after", `\n${EXIT_CODE_TABLE}`);
  subcommand("validate")
    .description("check steps files (.json in API or CLI format, or .ts/.js modules); every file, every issue")
    .argument("<files...>")
    .option("--json", "print the result as JSON (see emrkit/output.schema.json)")
    .action(async (files: string[], o: { json?: boolean }) => {
      code = await (await import("./commands/validate.js")).validateCommand(files, o, out);
    });
  subcommand("render")
    .description("print a steps file in another format, all of it, or say what the format cannot hold")
    .argument("<file>")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("api"))
    .option("--cluster <id>", "the cluster id to put in the output (default: the file's, if it names one)")
    .option("--json", "print the result as JSON (see emrkit/output.schema.json)")
    .action(async (file: string, o: { format: Format; cluster?: string; json?: boolean }) => {
      code = await (await import("./commands/render.js")).renderCommand(file, o, out);
    });
  subcommand("submit")
    .description("run steps on a cluster (--cluster) or on the embedded emulator (--local) and follow them")
    .argument("<file>")
    .option("--cluster <id>", "an EMR cluster id (j-…); default: the file's JobFlowId")
    .option("--local", "start the emulator in this process and run there")
    .option("--region <region>", "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region)")
    .option("--profile <name>", "a profile of ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE)")
    .option("--endpoint <url>", "EMR endpoint URL (default: the region's)")
    .option("--no-wait", "return once every step is submitted, printing their ids")
    .option(
      "--idempotency-key <key>",
      "a name for this run: run again with it, the steps it added are followed, not added again",
    )
    .option("--poll-interval <seconds>", "how often to read the steps' states (default 15, backing off to 60)")
    .option("--step-concurrency <n>", "with --local: the local cluster's StepConcurrencyLevel, 1 to 256 (default 1)")
    .option("--json", "print the result as JSON (see emrkit/output.schema.json)")
    .option("--keep", "with --local: keep the emulator's data (journal, local S3, step logs) and print where it is")
    .action(async (file: string, o: SubmitOptions) => {
      code = await (await import("./commands/submit.js")).submitCommand(file, o, out);
    });
  subcommand("local")
    .description("run the local EMR emulator in the foreground")
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--port <port>", "port (0 picks a free one)", "0")
    .option("--s3-port <port>", "port of the local S3 endpoint, printed on the second line (0 picks a free one)", "0")
    .option("--data-dir <dir>", "where clusters, steps and logs are kept (default: a temporary directory)")
    .option("--s3-root <dir>", "where s3:// locations resolve")
    .option(
      "--verify-signatures",
      "refuse requests not signed (SigV4) with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment",
    )
    .option("--insecure", "allow a non-loopback host without signature verification")
    .option("--keep", "without --data-dir: keep the temporary data directory when it stops (removed by default)")
    .option(
      "--tool <name=path>",
      "run this program for an EMR tool steps name (spark-submit, hive-script, pig-script, hadoop-streaming); repeatable",
      collect,
      [],
    )
    .option(
      "--pass-env <name>",
      "let steps see this variable of this environment (repeatable; none by default)",
      collect,
      [],
    )
    .option(
      "--set-env <name=value>",
      "set this variable for every step (repeatable; wins over --pass-env)",
      collect,
      [],
    )
    .action(async (o: LocalOptions) => {
      code = await (await import("./commands/local.js")).localCommand(o, out);
    });
  program
    .command("codegen")
    .description("run the code generator (see emrkit codegen --help)")
    .allowUnknownOption()
    .helpOption(false)
    .argument("[args...]")
    .action(async (args: string[]) => {
      code = await (await import("./commands/codegen.js")).codegenCommand(args, out);
    });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    const failure = asCliError(error);
    if (failure === undefined) return EXIT.ok;
    if (json) out.log(jsonError(command as JsonCommand, failure));
    // Commander has said its own usage errors already, except under --json.
    if (json || !(error instanceof CommanderError)) out.error(`emrkit: ${failure.message}`);
    if (failure.kind === "internal" && process.env.EMRKIT_DEBUG) out.error(String((error as Error).stack));
    return failure.exitCode;
  } finally {
    unfold();
  }
}

/** Any failure as a CliError; undefined for commander's help and version, which are no failure. */
function asCliError(error: unknown): CliError | undefined {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) {
    // --help and --version end with 0; help shown because no command was given ends with 1, a usage error here.
    if (error.exitCode === 0) return undefined;
    return new CliError("usage", EXIT.usage, error.message.replace(/^error: /, ""));
  }
  const message = (error as Error)?.message?.split("\n")[0] ?? String(error);
  return new CliError(
    "internal",
    EXIT.internal,
    `${message} (an error emrkit did not expect; EMRKIT_DEBUG=1 shows where)`,
  );
}
