/** The two servers under test, each a process of its own: the emulator (serve.ts) and moto's server. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

export interface ServerProcess {
  endpoint: string;
  child: ChildProcess;
  stop(): void;
}

const serve = new URL("../../packages/emulator/src/serve.ts", import.meta.url).pathname;

/**
 * The emulator in its own process, as `emrkit local` runs it, on a fresh temporary data directory that it removes
 * when stopped.
 */
export async function emulatorProcess(): Promise<ServerProcess> {
  const args = ["--import", "tsx", "--conditions=@emrkit/source", serve];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "ignore"] });
  const first = await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  return { endpoint: String(first.value), child, stop: () => child.kill("SIGTERM") };
}

/** moto's server on a free port, or undefined where `python3 -m moto.server` is not installed. */
export async function motoProcess(): Promise<ServerProcess | undefined> {
  if (spawnSync("python3", ["-c", "import moto.server"]).status !== 0) return undefined;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn("python3", ["-m", "moto.server", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${endpoint}/moto-api/`).then(
      () => true,
      () => false,
    );
    if (up) return { endpoint, child, stop: () => child.kill() };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return undefined;
}
