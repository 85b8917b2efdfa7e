import { MAPPED_TOOLS, runEmulatorInForeground, type ToolsOption } from "@emrkit/emulator";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";
import { stepEnvironmentOptions } from "./step-environment-options.js";

export interface LocalOptions {
  host: string;
  port: string;
  s3Port: string;
  dataDir?: string;
  s3Root?: string;
  verifySignatures?: boolean;
  insecure?: boolean;
  keep?: boolean;
  tool?: string[];
  passEnv: string[];
  setEnv: string[];
}

/**
 * `emrkit local`: the emulator in the foreground; prints its endpoint, stops cleanly on SIGINT or SIGTERM. Without
 * `--data-dir` its data is in a temporary directory, removed as it stops unless `--keep` is given.
 */
export async function localCommand(options: LocalOptions, out: Output): Promise<number> {
  const tools = toolsOption(options.tool ?? []);
  const stepEnvironment = stepEnvironmentOptions(options.passEnv, options.setEnv, process.env, (line) =>
    out.error(line),
  );
  await runEmulatorInForeground({
    ...(stepEnvironment ? { stepEnvironment } : {}),
    host: options.host,
    port: portOption("--port", options.port),
    s3Port: portOption("--s3-port", options.s3Port),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.s3Root ? { s3Root: options.s3Root } : {}),
    ...(options.verifySignatures ? { verifySignatures: true } : {}),
    ...(options.insecure ? { insecure: true } : {}),
    ...(options.keep ? { keepData: true } : {}),
    ...(Object.keys(tools).length > 0 ? { tools } : {}),
  });
  return 0;
}

/** A port flag's value: a whole number 0–65535 (0: a free one); a usage CliError naming the flag otherwise. */
export function portOption(flag: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new CliError(
      "usage",
      EXIT.usage,
      `${flag} takes a port number from 0 to 65535 (0 picks a free one), not ${JSON.stringify(text)}`,
    );
  }
  return port;
}

/** `--tool spark-submit=/opt/spark/bin/spark-submit`, each once; throws a usage CliError naming the flag. */
export function toolsOption(flags: readonly string[]): ToolsOption {
  const tools: Record<string, string> = {};
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    const name = flag.slice(0, Math.max(eq, 0));
    const path = flag.slice(eq + 1);
    const fail = (why: string) => new CliError("usage", EXIT.usage, `--tool ${flag}: ${why}`);
    if (eq <= 0 || path === "") throw fail("give it as name=/path/to/program");
    if (!(MAPPED_TOOLS as readonly string[]).includes(name)) throw fail(`the tools are ${MAPPED_TOOLS.join(", ")}`);
    if (name in tools) throw fail(`${name} is mapped twice`);
    tools[name] = path;
  }
  return tools as ToolsOption;
}
