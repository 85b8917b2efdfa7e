import { describe, expect, it } from "vitest";
import { terminalProgress } from "../src/progress.js";

const handle = (stepId: string, name: string) => ({ clusterId: "j-1", stepId, name, consoleUrl: "https://example" });

describe("terminalProgress", () => {
  it("finishes once every step has ended, even when the ends come before the display has started", async () => {
    const steps = [handle("s-1", "a"), handle("s-2", "b")];
    const progress = terminalProgress(steps);
    const at = new Date();
    progress.update({ type: "step", step: steps[0]!, state: "RUNNING", at });
    progress.update({ type: "step", step: steps[0]!, state: "COMPLETED", previous: "RUNNING", at });
    progress.update({ type: "step", step: steps[1]!, state: "FAILED", at, reason: "exit 1" });
    await expect(progress.done()).resolves.toBeUndefined();
  });

  it("does not finish while a step is still running", async () => {
    const steps = [handle("s-1", "a")];
    const progress = terminalProgress(steps);
    progress.update({ type: "step", step: steps[0]!, state: "RUNNING", at: new Date() });
    const finished = await Promise.race([
      progress.done().then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ]);
    expect(finished).toBe(false);
    progress.update({ type: "step", step: steps[0]!, state: "INTERRUPTED", at: new Date() });
    await progress.done();
  });
});
