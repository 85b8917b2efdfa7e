import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";

/** Whether `python3 -m moto.server` can run here (CI has no moto: the tests that need it skip, saying so). */
export function motoAvailable(): boolean {
  const probe = spawnSync("python3", ["-c", "import moto.server"], { stdio: "ignore" });
  return probe.status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** Starts a moto server on 127.0.0.1 and waits until it answers. */
export async function startMoto(): Promise<{ endpoint: string; close: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: "ignore",
  });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${endpoint}/moto-api/`);
      return { endpoint, close: () => child.kill() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error(`moto did not start on ${endpoint}`);
}
