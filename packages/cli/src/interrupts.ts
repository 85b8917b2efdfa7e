import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

export interface Interrupts {
  /** The first signal that came, if one did. */
  readonly received: NodeJS.Signals | undefined;
  /** Gives SIGINT and SIGTERM back to Node's defaults. */
  stop(): void;
}

/** 130 for SIGINT, 143 for SIGTERM: what a shell reports for a process the signal ended. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

/**
 * Ctrl-C (SIGINT) and SIGTERM in two stages. The first calls `first`, which starts an orderly stop (the run
 * cancels its steps, and the command exits when they have ended); a second calls `now`, which says what it leaves
 * behind and closes what must not outlive the process (the local emulator's step processes), then exits at once
 * with 128 + the signal's number.
 */
export function onInterrupt(
  first: (signal: NodeJS.Signals) => void,
  now: (signal: NodeJS.Signals) => Promise<void> | void,
): Interrupts {
  let received: NodeJS.Signals | undefined;
  let leaving = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received === undefined) {
      received = signal;
      first(signal);
      return;
    }
    if (leaving) return;
    leaving = true;
    const exit = () => process.exit(signalExitCode(received!));
    void Promise.resolve()
      .then(() => now(signal))
      .finally(exit);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    get received() {
      return received;
    },
    stop() {
      for (const signal of SIGNALS) process.removeListener(signal, handler);
    },
  };
}
