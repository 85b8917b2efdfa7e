import { runEmulatorInForeground } from "@emrkit/emulator";

export interface LocalOptions {
  host: string;
  port: string;
  dataDir?: string;
  s3Root?: string;
  verifySignatures?: boolean;
  insecure?: boolean;
}

/** `emrkit local`: the emulator in the foreground; prints its endpoint, stops cleanly on SIGINT or SIGTERM. */
export async function localCommand(options: LocalOptions): Promise<number> {
  await runEmulatorInForeground({
    host: options.host,
    port: Number(options.port),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.s3Root ? { s3Root: options.s3Root } : {}),
    ...(options.verifySignatures ? { verifySignatures: true } : {}),
    ...(options.insecure ? { insecure: true } : {}),
  });
  return 0;
}
