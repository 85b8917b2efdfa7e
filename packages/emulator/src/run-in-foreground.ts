import { type EmulatorOptions, startEmulator } from "./start-emulator.js";

/**
 * The emulator as a foreground process (`emrkit local`, `serve.ts`): prints its endpoint as the first line of
 * stdout, where it keeps its data on stderr, and closes cleanly on SIGINT or SIGTERM, resolving then.
 */
export async function runEmulatorInForeground(options: EmulatorOptions): Promise<void> {
  const emulator = await startEmulator(options);
  console.log(emulator.endpoint);
  console.error(
    `data in ${emulator.dataDir}; local S3 at ${emulator.s3Root}; signatures ${emulator.verifiesSignatures ? "checked" : "not checked"}; Ctrl-C stops`,
  );
  await new Promise<void>((stop) => {
    process.once("SIGINT", () => stop());
    process.once("SIGTERM", () => stop());
  });
  await emulator.close();
}
