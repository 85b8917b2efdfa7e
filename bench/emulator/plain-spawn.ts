/**
 * The floor for a step's start: the same program the step-start bench runs (`date +%s%N`), spawned bare by this
 * process as soon as the one before it exits, with nothing of the emulator in between. The step-start figure is
 * read against it in the same run, so a busy machine moves both and the ratio shows what the emulator adds.
 */
import { spawn } from "node:child_process";

/** Milliseconds from each process's exit to the next one running, for `count - 1` pairs. */
export async function plainSpawnWaits(count: number): Promise<number[]> {
  const waits: number[] = [];
  let previousExit: number | undefined;
  for (let i = 0; i < count; i++) {
    const child = spawn("date", ["+%s%N"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    await new Promise<void>((done) => child.on("close", () => done()));
    if (previousExit !== undefined) waits.push(Number(out) / 1e6 - previousExit);
    previousExit = Date.now();
  }
  return waits;
}
