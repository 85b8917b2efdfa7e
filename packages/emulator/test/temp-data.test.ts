/**
 * The emulator's data directory: one it made itself is removed by close(), after its steps' processes have stopped
 * and the journal is closed, unless keepData; one it was given is never removed.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AddJobFlowStepsCommand, DescribeClusterCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { clientFor, cluster, run } from "./support.js";
import { tempDir } from "./temp-dir.js";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until `path` exists and holds a line, and gives it back. */
async function lineOf(path: string): Promise<string> {
  for (;;) {
    if (existsSync(path)) {
      const text = readFileSync(path, "utf8");
      if (text.endsWith("\n")) return text.trim();
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("the data directory", () => {
  it("without dataDir: a new emrkit-emulator-* folder in the temp directory, gone after close()", async () => {
    const emu = await startEmulator({ clusterStartupMs: 0 });
    expect(dirname(emu.dataDir)).toBe(tmpdir());
    expect(emu.dataDir).toMatch(/emrkit-emulator-[^/]+$/);
    expect(existsSync(join(emu.dataDir, "journal.jsonl"))).toBe(true);
    await emu.close();
    expect(existsSync(emu.dataDir)).toBe(false);
    expect(emu.temporaryData).toBe(true);
    await emu.close(); // twice is harmless
  });

  it("keepData: the folder stays after close(), and a new emulator on it gives back what it held", async () => {
    const emu = await startEmulator({ clusterStartupMs: 0, keepData: true });
    try {
      expect(emu.temporaryData).toBe(false);
      const id = await cluster(clientFor(emu.endpoint));
      await emu.close();
      expect(existsSync(join(emu.dataDir, "journal.jsonl"))).toBe(true);
      const again = await startEmulator({ dataDir: emu.dataDir });
      const { Cluster } = await clientFor(again.endpoint).send(new DescribeClusterCommand({ ClusterId: id }));
      expect(Cluster?.Id).toBe(id);
      await again.close();
      expect(existsSync(emu.dataDir)).toBe(true);
    } finally {
      await emu.close();
      rmSync(emu.dataDir, { recursive: true, force: true });
    }
  });

  it("a dataDir given is never removed, even one that did not exist yet", async () => {
    const dataDir = join(tempDir("emrkit-given-"), "not-yet");
    const emu = await startEmulator({ dataDir });
    expect(emu.temporaryData).toBe(false);
    await emu.close();
    expect(existsSync(join(dataDir, "journal.jsonl"))).toBe(true);
  });

  it("close() stops running steps' processes before removing the folder, not waiting for what they left behind", async () => {
    const emu = await startEmulator({ clusterStartupMs: 0 });
    const client = clientFor(emu.endpoint);
    const id = await cluster(client, { concurrency: 2 });
    const pidDir = tempDir("emrkit-pids-");
    // Each step says its pid and that of a process it leaves behind, which holds the step's output open: close()
    // must not wait for that one.
    const script = 'echo $$ > "$1"; sleep 5 & echo $! > "$1.child"; wait';
    const step = (name: string) => run(name, ["sh", "-c", script, "sh", join(pidDir, name)]);
    await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [step("a"), step("b")] }));
    const pids = await Promise.all(["a", "b"].map((name) => lineOf(join(pidDir, name)).then(Number)));
    const left = await Promise.all(["a", "b"].map((name) => lineOf(join(pidDir, `${name}.child`)).then(Number)));
    try {
      const started = Date.now();
      await emu.close();
      expect(Date.now() - started).toBeLessThan(3000);
      for (const pid of pids) expect(isAlive(pid), `step process ${pid}`).toBe(false);
      expect(existsSync(emu.dataDir)).toBe(false);
    } finally {
      for (const pid of left) if (isAlive(pid)) process.kill(pid, "SIGKILL");
    }
  });

  it("a failed start leaves nothing behind", async () => {
    const first = await startEmulator();
    // The failed start gets a temp directory of its own: the shared one also holds what test files running beside
    // this one make meanwhile.
    const own = tempDir("emrkit-failed-start-");
    const shared = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      await expect(startEmulator({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
      expect(tmpdir()).toBe(own);
      expect(readdirSync(own)).toEqual([]);
    } finally {
      if (shared === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = shared;
      await first.close();
    }
  });
});
