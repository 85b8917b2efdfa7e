import type { StepSummary } from "@aws-sdk/client-emr";
import { TERMINAL_STEP_STATES } from "@emrkit/dsl";
import type { RunEvent, StepHandle, StepResult, StepState } from "../types.js";

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STEP_STATES);

export function isTerminal(state: StepState | undefined): boolean {
  return state !== undefined && TERMINAL.has(state);
}

export interface Tracked {
  handle: StepHandle;
  state: StepState | undefined;
  failure?: StepResult["failure"];
}

/** The steps of one run in submission order, and the events their state changes make. */
export class StepTracker {
  readonly steps: Tracked[] = [];
  private readonly byId = new Map<string, Tracked>();

  add(handles: readonly StepHandle[]): void {
    for (const handle of handles) {
      const tracked: Tracked = { handle, state: undefined };
      this.steps.push(tracked);
      this.byId.set(handle.stepId, tracked);
    }
  }

  unfinished(): Tracked[] {
    return this.steps.filter((step) => !isTerminal(step.state));
  }

  /** How many steps are newer than the oldest unfinished one, itself included (newest-first listing depth). */
  span(): number {
    const oldest = this.steps.findIndex((step) => !isTerminal(step.state));
    return oldest === -1 ? 0 : this.steps.length - oldest;
  }

  /** Names whose steps have all completed. */
  completed(name: string): boolean {
    const named = this.steps.filter((step) => step.handle.name === name);
    return named.length > 0 && named.every((step) => step.state === "COMPLETED");
  }

  /** A dependency that ended in a state other than COMPLETED (so its dependents can never run), if any. */
  brokenBy(names: readonly string[]): string | undefined {
    for (const name of names) {
      const bad = this.steps.find(
        (step) => step.handle.name === name && isTerminal(step.state) && step.state !== "COMPLETED",
      );
      if (bad !== undefined) return `${name} ended ${bad.state}`;
    }
    return undefined;
  }

  /** Applies one poll; returns the events for the steps whose state changed. */
  apply(summaries: ReadonlyMap<string, StepSummary>): Extract<RunEvent, { type: "step" }>[] {
    const events: Extract<RunEvent, { type: "step" }>[] = [];
    for (const [id, summary] of summaries) {
      const tracked = this.byId.get(id);
      const state = summary.Status?.State as StepState | undefined;
      if (tracked === undefined || state === undefined || state === tracked.state) continue;
      const previous = tracked.state;
      tracked.state = state;
      const timeline = summary.Status?.Timeline;
      const at =
        (isTerminal(state)
          ? timeline?.EndDateTime
          : state === "RUNNING"
            ? timeline?.StartDateTime
            : timeline?.CreationDateTime) ?? new Date();
      const reason = summary.Status?.FailureDetails?.Reason ?? summary.Status?.StateChangeReason?.Message;
      if (state === "FAILED") {
        const details = summary.Status?.FailureDetails;
        tracked.failure = {
          ...(details?.Reason === undefined ? {} : { reason: details.Reason }),
          ...(details?.Message === undefined ? {} : { message: details.Message }),
          ...(details?.LogFile === undefined ? {} : { logFile: details.LogFile }),
        };
      }
      events.push({
        type: "step",
        step: tracked.handle,
        state,
        ...(previous === undefined ? {} : { previous }),
        at,
        ...(reason === undefined || reason === "" ? {} : { reason }),
      });
    }
    return events;
  }
}
