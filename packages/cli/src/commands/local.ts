import { startEmulator } from "@emrkit/emulator";
import type { Output } from "../output.js";

/** `emrkit local`: the emulator in the foreground; prints its endpoint, stops cleanly on SIGINT or SIGTERM. */
export async function localCommand(
  options: { host: string; port: string; dataDir?: string; s3Root?: string; insecure?: boolean },
  out: Output,
): Promise<number> {
  const emulator = await startEmulator({
    host: options.host,
    port: Number(options.port),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.s3Root ? { s3Root: options.s3Root } : {}),
    ...(options.insecure ? { insecure: true } : {}),
  });
  out.log(emulator.endpoint);
  out.error(`data in ${emulator.dataDir}; local S3 at ${emulator.s3Root}; Ctrl-C stops`);
  await new Promise<void>((stop) => {
    process.once("SIGINT", () => stop());
    process.once("SIGTERM", () => stop());
  });
  await emulator.close();
  return 0;
}
