import type { RunEvent, StepHandle } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { liveProgress } from "../../src/progress/live-progress.js";
import { StepBoard } from "../../src/progress/step-board.js";

const handle = (stepId: string, name: string): StepHandle => ({ clusterId: "j-1", stepId, name, consoleUrl: "u" });
const at = (ms: number) => new Date(1_000_000 + ms);

/** A terminal that keeps what was written, and can say what its screen shows now (cursor-up + erase understood). */
function terminal(columns: number, rows: number) {
  const writes: string[] = [];
  const stream = { columns, rows, write: (text: string) => writes.push(text) };
  const screen = () => {
    const lines: string[] = [""];
    for (const token of writes.join("").split(/(\x1b\[\d*[A-Za-z]|\x1b\[\?25[hl]|\r|\n)/)) {
      const up = /^\x1b\[(\d+)A$/.exec(token);
      if (up) lines.splice(lines.length - 1 - Number(up[1]), Number.POSITIVE_INFINITY, "");
      else if (token === "\n") lines.push("");
      else if (token === "\r" || token.startsWith("\x1b")) continue;
      else lines[lines.length - 1] += token;
    }
    return lines.filter((line, i) => line !== "" || i < lines.length - 1);
  };
  return { stream, writes, screen };
}

describe("liveProgress", () => {
  it("keeps a line for each step that ended and redraws the running ones with their elapsed time and the counts", async () => {
    let now = 1_000_000;
    const board = new StepBoard(3);
    const term = terminal(100, 30);
    const progress = liveProgress(board, term.stream, { now: () => now, tickMs: 10_000 });
    const a = handle("s-A", "prepare");
    const b = handle("s-B", "report");
    const events: RunEvent[] = [
      { type: "submitted", steps: [a, b] },
      { type: "step", step: a, state: "RUNNING", at: at(0) },
    ];
    for (const event of events) progress.event(event);
    now += 12_000;
    await new Promise((r) => setTimeout(r, 5));
    expect(term.screen()).toEqual([
      "submitted 2 steps",
      "⠙ prepare (s-A) RUNNING 12s",
      "0 of 3 steps ended · 1 running · 1 pending · 1 not submitted yet · 12s",
    ]);
    progress.event({ type: "step", step: a, state: "COMPLETED", previous: "RUNNING", at: at(12_500) });
    progress.event({ type: "step", step: b, state: "FAILED", at: at(13_000), reason: "exit 3" });
    await new Promise((r) => setTimeout(r, 5));
    progress.stop();
    expect(term.screen()).toEqual([
      "submitted 2 steps",
      "✔ prepare (s-A) COMPLETED after 12s",
      "✖ report (s-B) FAILED: exit 3",
    ]);
    expect(term.writes.at(-1)).toContain("\x1b[?25h");
  });

  it("on a terminal that reports 0 columns and 0 rows, draws 80-column lines, not one character a line", async () => {
    const board = new StepBoard(1);
    const term = terminal(0, 0);
    const progress = liveProgress(board, term.stream, { tickMs: 10_000 });
    const long = handle("s-LONG", "x".repeat(200));
    progress.event({ type: "submitted", steps: [long] });
    progress.event({ type: "step", step: long, state: "RUNNING", at: new Date() });
    await new Promise((r) => setTimeout(r, 5));
    const live = term.screen().slice(1);
    expect(live).toHaveLength(2);
    for (const line of live) expect(Array.from(line).length).toBeLessThan(80);
    expect(live[0]).toMatch(/^⠙ x+…$/);
    progress.stop();
  });

  it("shows no more running steps than the terminal has rows for, and how many more there are", async () => {
    const board = new StepBoard(50);
    const term = terminal(80, 8);
    const progress = liveProgress(board, term.stream, { tickMs: 10_000 });
    const steps = Array.from({ length: 50 }, (_, i) => handle(`s-${i}`, `step-${i}`));
    progress.event({ type: "submitted", steps });
    for (const step of steps) progress.event({ type: "step", step, state: "RUNNING", at: new Date() });
    await new Promise((r) => setTimeout(r, 5));
    const live = term.screen().slice(1);
    expect(live).toHaveLength(6);
    expect(live.at(-2)).toBe("  … and 46 more running");
    progress.stop();
  });
});
