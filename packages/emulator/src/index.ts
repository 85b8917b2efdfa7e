export { type FaultAction, FaultInjector, type FaultRule } from "./faults.js";
export { runEmulatorInForeground } from "./run-in-foreground.js";
export { s3ToLocal } from "./s3-path.js";
export { MAX_BODY_BYTES } from "./server.js";
export { type LocalCredentials, MAX_CLOCK_SKEW_MS } from "./signature.js";
export { type EmulatorHandle, type EmulatorOptions, startEmulator } from "./start-emulator.js";
