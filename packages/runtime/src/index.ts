export { follow, preflight, run, submit } from "./api.js";
export { probableCause } from "./internal/probable-cause.js";
export { IdempotencyKeyError } from "./internal/resume.js";
export { TOKEN_CHARACTERS, TOKEN_PROPERTY } from "./internal/submission.js";
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
