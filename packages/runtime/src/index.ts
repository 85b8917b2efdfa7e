export { follow, preflight, run, submit } from "./api.js";
export { probableCause } from "./internal/probable-cause.js";
export { PreflightError, type PreflightIssue, type PreflightResult } from "./preflight.js";
export type {
  ProbableCause,
  Run,
  RunEvent,
  RunResult,
  RuntimeOptions,
  StepHandle,
  StepResult,
  StepState,
} from "./types.js";
