import type { RunEvent, StepHandle, StepState } from "@emrkit/runtime";
import { plural } from "../plural.js";

const ENDED: ReadonlySet<StepState> = new Set(["COMPLETED", "FAILED", "CANCELLED", "INTERRUPTED"]);

export interface BoardStep {
  readonly id: string;
  readonly name: string;
  state: StepState;
  /** When it was seen RUNNING (EMR's time of the change), for its elapsed time. */
  runningSince?: number;
  /** How long it ran, once it ended after running. */
  ranForMs?: number;
  reason?: string;
}

/**
 * What the run's events say about each step, for both displays and the summary: one place that counts, so that a
 * count means the same on a terminal, in a log and in the last line.
 */
export class StepBoard {
  readonly steps = new Map<string, BoardStep>();

  /** `total`: the steps of the file, submitted or not. */
  constructor(readonly total: number) {}

  /** Takes an event in; returns the step it changed, if it was a step's. */
  apply(event: RunEvent): BoardStep | undefined {
    if (event.type === "submitted" || event.type === "resumed") {
      for (const handle of event.steps) this.add(handle);
      return undefined;
    }
    if (event.type !== "step") return undefined;
    const step = this.add(event.step);
    step.state = event.state;
    if (event.reason !== undefined) step.reason = event.reason;
    const at = event.at.getTime();
    if (event.state === "RUNNING") step.runningSince = at;
    else if (ENDED.has(event.state) && step.runningSince !== undefined)
      step.ranForMs = Math.max(0, at - step.runningSince);
    return step;
  }

  running(): BoardStep[] {
    return [...this.steps.values()].filter((step) => step.state === "RUNNING" || step.state === "CANCEL_PENDING");
  }

  unfinished(): BoardStep[] {
    return [...this.steps.values()].filter((step) => !ENDED.has(step.state));
  }

  count(state: StepState): number {
    let n = 0;
    for (const step of this.steps.values()) if (step.state === state) n++;
    return n;
  }

  /** `2 of 5 steps ended (1 completed, 1 failed) · 1 running · 1 pending · 1 not submitted yet`. */
  describe(): string {
    const ended = ["COMPLETED", "FAILED", "CANCELLED", "INTERRUPTED"] as const;
    const endedCount = ended.reduce((sum, state) => sum + this.count(state), 0);
    const how = ended
      .map((state) => [this.count(state), state.toLowerCase()] as const)
      .filter(([n]) => n > 0)
      .map(([n, word]) => `${n} ${word}`);
    const parts = [
      `${endedCount} of ${plural(this.total, "step")} ended${how.length > 0 ? ` (${how.join(", ")})` : ""}`,
    ];
    const running = this.running().length;
    const pending = this.count("PENDING");
    const unsent = this.total - this.steps.size;
    if (running > 0) parts.push(`${running} running`);
    if (pending > 0) parts.push(`${pending} pending`);
    if (unsent > 0) parts.push(`${unsent} not submitted yet`);
    return parts.join(" · ");
  }

  private add(handle: StepHandle): BoardStep {
    let step = this.steps.get(handle.stepId);
    if (step === undefined) {
      step = { id: handle.stepId, name: handle.name, state: "PENDING" };
      this.steps.set(handle.stepId, step);
    }
    return step;
  }
}

export function isEnded(state: StepState): boolean {
  return ENDED.has(state);
}
