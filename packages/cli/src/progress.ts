import type { RunEvent, StepHandle } from "@emrkit/runtime";
import { Listr } from "listr2";

const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "INTERRUPTED"]);

/**
 * The live display on a terminal: one listr2 line per step, showing its state as it changes and ending with a
 * tick or a cross. Fed the runtime's events; `done()` waits for the display to finish drawing. Each step's end is
 * a promise made up front, so an event that comes before listr2 has started the step's task is not lost.
 * `interrupt()` ends it at once (Ctrl-C), each step still going with a cross, and gives the terminal back.
 */
export function terminalProgress(steps: StepHandle[]): {
  update(event: RunEvent): void;
  done(): Promise<void>;
  interrupt(): Promise<void>;
} {
  const lines = new Map(
    steps.map((step) => {
      let end!: (error?: Error) => void;
      const ended = new Promise<void>((resolve, reject) => {
        end = (error) => (error ? reject(error) : resolve());
      });
      ended.catch(() => undefined);
      return [step.stepId, { step, ended, end, state: "PENDING", task: undefined as { output: string } | undefined }];
    }),
  );
  const list = new Listr(
    [...lines.values()].map((line) => ({
      title: `${line.step.name} (${line.step.stepId})`,
      task: (_ctx: unknown, task: { output: string }) => {
        line.task = task;
        task.output = line.state;
        return line.ended;
      },
    })),
    // Ctrl-C is the command's to handle (with interrupt()): listr2's own handler exits at once (code 127), before
    // `submit --local` has stopped its emulator and removed its data.
    { concurrent: true, exitOnError: false, registerSignalListeners: false },
  );
  const drawn = list.run().then(
    () => undefined,
    () => undefined,
  );
  return {
    update(event) {
      if (event.type !== "step") return;
      const line = lines.get(event.step.stepId);
      if (!line) return;
      line.state = event.state;
      if (line.task) line.task.output = event.state;
      if (TERMINAL.has(event.state)) {
        line.end(
          event.state === "COMPLETED"
            ? undefined
            : new Error(`${event.state}${event.reason ? `: ${event.reason}` : ""}`),
        );
      }
    },
    done: () => drawn,
    interrupt() {
      for (const line of lines.values()) line.end(new Error("interrupted"));
      return drawn;
    },
  };
}
