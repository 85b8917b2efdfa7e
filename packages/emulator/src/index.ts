export type { ReadOnly } from "./emr/durable-changes.js";
export type { JournalFs } from "./emr/journal-fs.js";
export { MAX_BODY_BYTES } from "./emr/server.js";
export type { StepEnvironmentOptions } from "./emr/step-environment.js";
export { type FaultAction, FaultInjector, type FaultRule } from "./faults.js";
export { runEmulatorInForeground } from "./run-in-foreground.js";
export { s3ToLocal } from "./s3/local-path.js";
export { type LocalCredentials, MAX_CLOCK_SKEW_MS } from "./sigv4/signature.js";
export { type EmulatorHandle, type EmulatorOptions, startEmulator } from "./start-emulator.js";
