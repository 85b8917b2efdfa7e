import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Until the returned function is called, SIGINT and SIGTERM run `close` (the live display ended, the local
 * emulator's steps stopped and its temporary data removed) and then end the process as the signal would have,
 * with exit code 128 + its number; a second signal exits at once. Without this, Ctrl-C on `emrkit submit --local`
 * would leave the emulator's data directory behind.
 */
export function closeOnSignal(close: () => Promise<void>): () => void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    const exit = () => process.exit(128 + constants.signals[signal]);
    // A second Ctrl-C means now, closed or not.
    if (closing) exit();
    closing = true;
    void close().finally(exit);
  };
  // `on`, not `once`: listr2's cursor restorer (signal-exit) re-raises a signal that no other listener is left for,
  // which would kill the process before the emulator has closed.
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.removeListener(signal, handler);
  };
}
