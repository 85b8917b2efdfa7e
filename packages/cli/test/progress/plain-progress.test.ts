import type { StepHandle } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { plainProgress } from "../../src/progress/plain-progress.js";
import { StepBoard } from "../../src/progress/step-board.js";

const handle = (stepId: string, name: string): StepHandle => ({ clusterId: "j-1", stepId, name, consoleUrl: "u" });

describe("plainProgress", () => {
  it("a line per change, and while a long step runs in silence a line saying it still runs and for how long", async () => {
    let now = 1_000_000;
    const lines: string[] = [];
    const board = new StepBoard(2);
    const progress = plainProgress(board, (line) => lines.push(line), { now: () => now, quietMs: 20 });
    const etl = handle("s-1", "etl");
    progress.event({ type: "submitted", steps: [etl] });
    progress.event({ type: "step", step: etl, state: "RUNNING", at: new Date(now) });
    now += 125_000;
    await new Promise((r) => setTimeout(r, 60));
    progress.stop();
    expect(lines.slice(0, 3)).toEqual([
      "submitted 1 step",
      "1970-01-01T00:16:40.000Z etl (s-1) RUNNING",
      "still running: etl (s-1) 2m 05s · 0 of 2 steps ended · 1 running · 1 not submitted yet",
    ]);
    expect(lines).toHaveLength(3);
  });
});
