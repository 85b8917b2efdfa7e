import { runEmulatorInForeground } from "@emrkit/emulator";
import type { Output } from "../output.js";
import { stepEnvironmentOptions } from "./step-environment-options.js";

export interface LocalOptions {
  host: string;
  port: string;
  dataDir?: string;
  s3Root?: string;
  verifySignatures?: boolean;
  insecure?: boolean;
  keep?: boolean;
  passEnv: string[];
  setEnv: string[];
}

/**
 * `emrkit local`: the emulator in the foreground; prints its endpoint, stops cleanly on SIGINT or SIGTERM. Without
 * `--data-dir` its data is in a temporary directory, removed as it stops unless `--keep` is given.
 */
export async function localCommand(options: LocalOptions, out: Output): Promise<number> {
  const stepEnvironment = stepEnvironmentOptions(options.passEnv, options.setEnv, process.env, (line) =>
    out.error(line),
  );
  await runEmulatorInForeground({
    ...(stepEnvironment ? { stepEnvironment } : {}),
    host: options.host,
    port: Number(options.port),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.s3Root ? { s3Root: options.s3Root } : {}),
    ...(options.verifySignatures ? { verifySignatures: true } : {}),
    ...(options.insecure ? { insecure: true } : {}),
    ...(options.keep ? { keepData: true } : {}),
  });
  return 0;
}
