import type { Run, RunEvent, RunResult } from "../types.js";

/**
 * The `Run` object: every event is kept, so each iterator sees the whole run from its start, whenever it begins
 * iterating; iteration ends when the run settles (and throws its error, if it failed).
 */
export function makeRun(
  work: (emit: (event: RunEvent) => void) => Promise<RunResult>,
  listener?: (event: RunEvent) => void,
): Run {
  const events: RunEvent[] = [];
  let settled = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void)[] = [];
  const notify = (): void => {
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };
  const emit = (event: RunEvent): void => {
    events.push(event);
    listener?.(event);
    notify();
  };
  const result = Promise.resolve()
    .then(() => work(emit))
    .then(
      (value) => {
        settled = true;
        notify();
        return value;
      },
      (error: unknown) => {
        settled = true;
        failure = { error };
        notify();
        throw error;
      },
    );
  // Iterating callers see the error there; do not also report it as unhandled.
  result.catch(() => {});
  return {
    result,
    async *[Symbol.asyncIterator]() {
      let next = 0;
      for (;;) {
        while (next < events.length) yield events[next++] as RunEvent;
        if (settled) {
          if (failure !== undefined) throw failure.error;
          return;
        }
        await new Promise<void>((resolve) => wake.push(resolve));
      }
    },
  };
}
