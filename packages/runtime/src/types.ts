import type { EMRClient } from "@aws-sdk/client-emr";

/** How a run reaches EMR and how patiently it waits. Every field is optional; defaults in `resolveOptions`. */
export interface RuntimeOptions {
  /** A ready client; otherwise one is made from the standard chain plus `region` and `endpoint`. */
  client?: EMRClient;
  region?: string;
  endpoint?: string;
  /** First poll interval (default 15,000 ms); backs off ×1.5 up to `maxPollIntervalMs` while nothing changes. */
  pollIntervalMs?: number;
  /** Default 60,000 ms. */
  maxPollIntervalMs?: number;
  /** Abort → CancelSteps (SEND_INTERRUPT, then TERMINATE_PROCESS after `cancelGraceMs`). */
  signal?: AbortSignal;
  /** Default 30,000 ms. */
  cancelGraceMs?: number;
  /** Step name → names it comes after (the DSL's `pipeline().build().after`). */
  dependencies?: Record<string, readonly string[]>;
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Per attempt (default 60,000 ms): a call without an answer by then is an outcome-unknown failure, reconciled. */
  requestTimeoutMs?: number;
  /**
   * The user's name for this request (e.g. `daily-etl/2026-11-24`): another process running the same request with
   * the same key finds the steps the first one added, in any state, and follows them instead of adding them again;
   * the same key with a different request is an `IdempotencyKeyError`. Without it, exactly once holds within the run.
   */
  idempotencyKey?: string;
  /**
   * After an AddJobFlowSteps whose outcome is unknown, how long reading back may take to see steps that did commit
   * before they are sent again (default 15,000 ms): EMR documents no read-after-write guarantee for ListSteps.
   */
  readBackWindowMs?: number;
  /** How long to wait for a failed step's log to appear (default 0). */
  logWaitMs?: number;
  /** Extra listener: called with every event as it happens. */
  onEvent?: (event: RunEvent) => void;
}

export type StepState = "PENDING" | "CANCEL_PENDING" | "RUNNING" | "COMPLETED" | "CANCELLED" | "FAILED" | "INTERRUPTED";

export interface StepHandle {
  clusterId: string;
  stepId: string;
  name: string;
  consoleUrl: string;
  logPrefix?: string;
}

export type RunEvent =
  | { type: "preflight"; clusterState: string; stepConcurrencyLevel: number; activeSteps: number }
  | { type: "submitted"; steps: StepHandle[] }
  /** A keyed run found these steps already on the cluster, added by an earlier run with the same key. */
  | { type: "resumed"; key: string; steps: StepHandle[] }
  | { type: "step"; step: StepHandle; state: StepState; previous?: StepState; at: Date; reason?: string }
  | { type: "retry"; operation: string; attempt: number; error: string; delayMs: number }
  /** Not sent yet: its dependencies have not completed, or the cluster holds its 256 active steps. */
  | { type: "held"; step: string; waitingFor: string[]; because: "dependencies" | "active-steps" }
  | { type: "cancel"; requested: string[]; cancelled: string[]; failed: { stepId: string; reason: string }[] };

export interface ProbableCause {
  summary: string;
  lines: string[];
  logFile: string;
}

export interface StepResult extends StepHandle {
  state: StepState;
  failure?: {
    reason?: string;
    message?: string;
    logFile?: string;
    probableCause?: ProbableCause;
    /** Why the step's stderr could not be read, e.g. "AccessDenied: Access Denied reading s3://…/stderr.gz". */
    logError?: string;
  };
}

export interface RunResult {
  ok: boolean;
  clusterId: string;
  steps: StepResult[];
  /** Ids of the steps that ended CANCELLED (by abort, or by EMR after a CANCEL_AND_WAIT failure). */
  cancelled: string[];
  /** Names of steps never submitted: aborted first, or held behind a step that did not complete. */
  notSubmitted: { name: string; reason: string }[];
  apiCalls: Record<string, number>;
}

export interface Run extends AsyncIterable<RunEvent> {
  result: Promise<RunResult>;
}
