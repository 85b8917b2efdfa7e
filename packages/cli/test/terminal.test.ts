import { execFile } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, builtCli } from "./support/built-cli.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { cliEnv } from "./support/run-cli.js";

const { file } = fixtures();
beforeAll(() => builtCli());

/**
 * `emrkit …` on a pseudo-terminal (util-linux `script`), after `stty` sets its size: all that the terminal was
 * sent, escape sequences and all, and the exit code.
 */
function onTerminal(args: string[], { stty = "cols 100 rows 30", term = "xterm-256color" } = {}) {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return new Promise<{ code: number; screen: string }>((done) => {
    execFile(
      "script",
      ["-qec", `stty ${stty}; ${quoted}`, "/dev/null"],
      { env: cliEnv({ TERM: term }) },
      (error, stdout) => done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, screen: stdout }),
    );
  });
}

const ESCAPES = /\x1b\[[?\d;]*[A-Za-z]/g;

describe("progress on a terminal", () => {
  it("redraws running steps with their elapsed time and the counts, keeps a line per ended step, then the summary", async () => {
    const steps = file("tty.json", [cliStep("warm-up", ["true"]), cliStep("slow-one", ["sleep", "2.3"])]);
    const tty = await onTerminal(["submit", steps, "--local"]);
    expect(tty.code, tty.screen).toBe(0);
    const { screen } = tty;
    expect(screen).toContain("\x1b[?25l");
    expect(screen).toMatch(/\x1b\[\d+A\x1b\[J/);
    // Frames: the running step with a growing elapsed time, then the counts line.
    expect(screen).toMatch(
      /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] slow-one \(s-\w+\) RUNNING [12]\.\ds\r?\n1 of 2 steps ended \(1 completed\) · 1 running · \d/,
    );
    expect(screen).toMatch(/✔ warm-up \(s-\w+\) COMPLETED/);
    expect(screen).toMatch(/✔ slow-one \(s-\w+\) COMPLETED after 2\.\ds/);
    expect(screen).toContain("\x1b[?25h");
    expect(screen.replace(ESCAPES, "")).toMatch(/2 steps: 2 completed · \d+\.\ds\r?\n$/);
  }, 30_000);

  it("is safe on a terminal that reports 0 columns (80 assumed), and plain on TERM=dumb", async () => {
    const steps = file("narrow.json", [cliStep("a-step-with-a-long-name", ["sleep", "1.2"])]);
    const [narrow, dumb] = await Promise.all([
      onTerminal(["submit", steps, "--local"], { stty: "cols 0 rows 0" }),
      onTerminal(["submit", steps, "--local"], { term: "dumb" }),
    ]);
    expect(narrow.code, narrow.screen).toBe(0);
    const frames = narrow.screen.split(ESCAPES).join("\n").split(/\r?\n/);
    expect(frames.some((line) => /a-step-with-a-long-name \(s-\w+\) RUNNING/.test(line))).toBe(true);
    expect(frames.filter((line) => line.length === 1)).toEqual([]);
    expect(dumb.code, dumb.screen).toBe(0);
    expect(dumb.screen).not.toMatch(ESCAPES);
    expect(dumb.screen).toMatch(/Z a-step-with-a-long-name \(s-\w+\) RUNNING\r?\n/);
  }, 30_000);
});
