import { type EmulatorOptions, startEmulator } from "./start-emulator.js";

/**
 * The emulator as a foreground process (`emrkit local`, `serve.ts`): prints its EMR endpoint as the first line of
 * stdout and its local S3 endpoint as the second, where it keeps its data on stderr, and closes cleanly on SIGINT or SIGTERM, resolving then. A temporary
 * data directory is removed as it closes, unless `keepData` is given; then its path is printed again at the end.
 */
export async function runEmulatorInForeground(options: EmulatorOptions): Promise<void> {
  const emulator = await startEmulator(options);
  const madeDataDir = options.dataDir === undefined;
  // Listening before the endpoint is out: whoever reads it may signal at once, and must not kill the process bare.
  const stopped = new Promise<void>((stop) => {
    process.once("SIGINT", () => stop());
    process.once("SIGTERM", () => stop());
  });
  console.log(emulator.endpoint);
  console.log(emulator.s3Endpoint);
  console.error(
    `data in ${emulator.dataDir}${emulator.temporaryData ? " (removed when it stops)" : madeDataDir ? " (kept)" : ""}; local S3 at ${emulator.s3Root}; signatures ${emulator.verifiesSignatures ? "checked" : "not checked"}; Ctrl-C stops`,
  );
  await stopped;
  await emulator.close();
  if (madeDataDir && !emulator.temporaryData) console.error(`data kept in ${emulator.dataDir}`);
}
