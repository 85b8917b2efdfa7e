import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";

export interface SubmitOptions {
  cluster?: string;
  local?: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  wait: boolean;
  json?: boolean;
  /** With `local`: keep the emulator's data directory, and say where it is. */
  keep?: boolean;
  idempotencyKey?: string;
  /** Seconds, as typed. */
  pollInterval?: string;
  /** With `local`: the local cluster's StepConcurrencyLevel, as typed. */
  stepConcurrency?: string;
}

/** The options checked together, and their numbers read: what does not go together is a usage error (exit 2). */
export interface SubmitSettings {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  stepConcurrencyLevel: number;
}

export function checkSubmitOptions(options: SubmitOptions): SubmitSettings {
  if (options.cluster !== undefined && options.local) usage("give one of --cluster j-… and --local, not both");
  if (options.keep && !options.local) usage("--keep goes with --local: it keeps the local emulator's data");
  if (options.local && !options.wait) {
    usage(
      "--no-wait cannot go with --local: the emulator runs in this process, and its steps would stop with it; run `emrkit local` and submit to it with --cluster and --endpoint",
    );
  }
  if (options.local && (options.profile !== undefined || options.endpoint !== undefined)) {
    usage("--profile and --endpoint are for --cluster: --local runs on the emulator in this process");
  }
  if (options.stepConcurrency !== undefined && !options.local) {
    usage("--step-concurrency sets the local cluster's StepConcurrencyLevel: it goes with --local");
  }
  if (options.idempotencyKey === "") usage("--idempotency-key needs a value");
  const seconds = options.pollInterval === undefined ? undefined : Number(options.pollInterval);
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    usage(`--poll-interval is in seconds, more than 0, but is ${JSON.stringify(options.pollInterval)}`);
  }
  const level = options.stepConcurrency === undefined ? 1 : Number(options.stepConcurrency);
  // StepConcurrencyLevel: 1 to 256 (EMR API reference, RunJobFlow).
  if (!Number.isInteger(level) || level < 1 || level > 256) {
    usage(`--step-concurrency is a whole number from 1 to 256, but is ${JSON.stringify(options.stepConcurrency)}`);
  }
  // On the emulator steps change in milliseconds; on EMR, polling more often than every few seconds only spends
  // API calls (the runtime's defaults: 15 s, backing off to 60 s while nothing changes).
  const pollIntervalMs = seconds !== undefined ? seconds * 1000 : options.local ? 100 : 15_000;
  const maxPollIntervalMs = options.local && seconds === undefined ? 500 : Math.max(pollIntervalMs, 60_000);
  return { pollIntervalMs, maxPollIntervalMs, stepConcurrencyLevel: level };
}

export function usage(message: string): never {
  throw new CliError("usage", EXIT.usage, message);
}
