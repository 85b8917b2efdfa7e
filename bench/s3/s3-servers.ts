/**
 * The S3 servers the S3 bench loads, each a process of its own: the emulator (serve.ts, whose second line of
 * stdout is its local S3 endpoint) and moto's server (emulator/servers.ts), which serves S3 path-style.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { ServerProcess } from "../emulator/servers.js";

const serve = new URL("../../packages/emulator/src/serve.ts", import.meta.url).pathname;

/** `script`: another serve.ts (an older version's, to compare with; bench/s3/profile.ts's SERVE). */
export async function emulatorS3Process(nodeOptions: string[] = [], script = serve): Promise<ServerProcess> {
  const args = [...nodeOptions, "--import", "tsx", "--conditions=@emrkit/source", script];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  await lines.next();
  const s3 = await lines.next();
  return { endpoint: String(s3.value), child, stop: () => child.kill("SIGTERM") };
}
