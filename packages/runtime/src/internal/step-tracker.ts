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
  private readonly byId = new Map<string, { tracked: Tracked; index: number }>();

  add(handles: readonly StepHandle[]): void {
    for (const handle of handles) {
      const tracked: Tracked = { handle, state: undefined };
      this.byId.set(handle.stepId, { tracked, index: this.steps.length });
      this.steps.push(tracked);
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

  /**
   * Applies one poll; returns the events for the steps whose state changed, in the order they happened: by EMR's
   * timestamp of each change, then in submission order (equal times, or none). A poll reads ListSteps, which lists
   * newest first, so in the order read a step's start would come before the end of the step it followed.
   */
  apply(summaries: ReadonlyMap<string, StepSummary>): Extract<RunEvent, { type: "step" }>[] {
    const changes: { event: Extract<RunEvent, { type: "step" }>; time: number; index: number }[] = [];
    for (const [id, summary] of summaries) {
      const { tracked, index } = this.byId.get(id) ?? {};
      const state = summary.Status?.State as StepState | undefined;
      if (tracked === undefined || index === undefined || state === undefined || state === tracked.state) continue;
      const previous = tracked.state;
      tracked.state = state;
      const timeline = summary.Status?.Timeline;
      const stamped = isTerminal(state)
        ? timeline?.EndDateTime
        : state === "RUNNING"
          ? timeline?.StartDateTime
          : timeline?.CreationDateTime;
      const at = stamped ?? new Date();
      const reason = summary.Status?.FailureDetails?.Reason ?? summary.Status?.StateChangeReason?.Message;
      if (state === "FAILED") {
        const details = summary.Status?.FailureDetails;
        tracked.failure = {
          ...(details?.Reason === undefined ? {} : { reason: details.Reason }),
          ...(details?.Message === undefined ? {} : { message: details.Message }),
          ...(details?.LogFile === undefined ? {} : { logFile: details.LogFile }),
        };
      }
      const event = {
        type: "step" as const,
        step: tracked.handle,
        state,
        ...(previous === undefined ? {} : { previous }),
        at,
        ...(reason === undefined || reason === "" ? {} : { reason }),
      };
      // Without EMR's time, after those with one: this machine's clock is not EMR's.
      changes.push({ event, time: stamped?.getTime() ?? Number.POSITIVE_INFINITY, index });
    }
    return changes.sort((a, b) => a.time - b.time || a.index - b.index).map((change) => change.event);
  }
}
