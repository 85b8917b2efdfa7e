import type { StepHandle } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { StepBoard } from "../../src/progress/step-board.js";

const handle = (stepId: string): StepHandle => ({ clusterId: "j-1", stepId, name: stepId, consoleUrl: "u" });

describe("StepBoard.describe", () => {
  it.each([
    [[], "0 of 1 step ended · 1 not submitted yet"],
    [["COMPLETED"], "1 of 1 step ended (1 completed)"],
  ] as const)("one step, %j", (states, text) => {
    const board = new StepBoard(1);
    board.apply({ type: "submitted", steps: states.length > 0 ? [handle("s-1")] : [] });
    for (const state of states) board.apply({ type: "step", step: handle("s-1"), state, at: new Date() });
    expect(board.describe()).toBe(text);
  });

  it("counts each step once, by its last state", () => {
    const board = new StepBoard(5);
    board.apply({ type: "submitted", steps: ["s-1", "s-2", "s-3", "s-4"].map(handle) });
    const at = new Date();
    board.apply({ type: "step", step: handle("s-1"), state: "RUNNING", at });
    board.apply({ type: "step", step: handle("s-1"), state: "COMPLETED", at });
    board.apply({ type: "step", step: handle("s-2"), state: "FAILED", at });
    board.apply({ type: "step", step: handle("s-3"), state: "RUNNING", at });
    expect(board.describe()).toBe(
      "2 of 5 steps ended (1 completed, 1 failed) · 1 running · 1 pending · 1 not submitted yet",
    );
  });
});
