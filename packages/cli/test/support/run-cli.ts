import { type ChildProcess, execFile, spawn } from "node:child_process";
import { bin } from "./built-cli.js";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment the CLI runs in for a test: the dist (EMRKIT_FROM_DIST), no AWS settings of the machine's, and
 * no instance-metadata lookups (the SDK's credential chain would otherwise try 169.254.169.254).
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
  return {
    ...base,
    EMRKIT_FROM_DIST: "1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/nonexistent/emrkit-test/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/emrkit-test/credentials",
    ...extra,
  };
}

/** Runs `emrkit …` as a process to its end: exit code, stdout, stderr. */
export function emrkit(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: cliEnv(env), maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Starts `emrkit …` and returns at once, its output collected as it comes. */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [bin, ...args], { env: cliEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exit = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves once `read()` matches, or fails after `ms`, showing what was read. */
export async function waitFor(read: () => string, pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(read());
    if (match) return match;
    if (Date.now() > until) throw new Error(`no ${pattern} within ${ms} ms in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
