import type { StepHandle } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { cancellingMessage, leavingMessage } from "../../src/commands/interrupt-messages.js";
import { StepBoard } from "../../src/progress/step-board.js";

const handle = (i: number): StepHandle => ({ clusterId: "j-1", stepId: `s-${i}`, name: `n${i}`, consoleUrl: "u" });

describe("what a signal says", () => {
  it("the first: what is cancelled and what is not submitted", () => {
    const board = new StepBoard(3);
    board.apply({ type: "submitted", steps: [handle(1)] });
    expect(cancellingMessage("SIGTERM", board, false)).toBe(
      "SIGTERM: cancelling 1 step: n1 (s-1), and not submitting the other 2 (SIGTERM again to exit at once, leaving the steps running)",
    );
  });

  it("the second: one aws emr cancel-steps line per 256 steps, with the region, profile and endpoint in use", () => {
    const board = new StepBoard(300);
    board.apply({ type: "submitted", steps: Array.from({ length: 300 }, (_, i) => handle(i)) });
    const lines = leavingMessage(board, { clusterId: "j-1", region: "eu-west-1", profile: "prod" }, false);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^exiting now: 300 steps may still be running on j-1: n0 \(s-0\), /);
    expect(lines[1]).toMatch(
      /^cancel them with: aws emr cancel-steps --cluster-id j-1 --step-ids s-0 s-1 .* s-255 --region eu-west-1 --profile prod$/,
    );
    expect(lines[2]).toBe(
      "cancel them with: aws emr cancel-steps --cluster-id j-1 --step-ids " +
        Array.from({ length: 44 }, (_, i) => `s-${256 + i}`).join(" ") +
        " --region eu-west-1 --profile prod",
    );
  });
});
