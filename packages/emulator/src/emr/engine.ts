/**
 * The cluster and step state machines, after the EMR Management Guide ("Understanding the cluster lifecycle",
 * "Work with steps") and the API reference:
 * - cluster: STARTING → BOOTSTRAPPING → RUNNING (a step runs) ⇄ WAITING (none, and it keeps alive) → TERMINATING
 *   → TERMINATED, or TERMINATED_WITH_ERRORS after a TERMINATE_CLUSTER step fails;
 * - step: PENDING → RUNNING → COMPLETED | FAILED; PENDING → CANCEL_PENDING → CANCELLED; a running step that is
 *   cancelled ends CANCELLED; a step that was running when the emulator died ends INTERRUPTED.
 * Up to StepConcurrencyLevel steps run at once, in the order they were added. Every change is journaled first.
 * Guesses, where EMR documents nothing: steps still running when a cluster terminates end CANCELLED.
 */
import { MAX_ACTIVE_STEPS } from "@emrkit/dsl";
import { invalidRequest, validationError } from "./emr-error.js";
import { type RunningStep, runStep } from "./executor.js";
import { newId } from "./ids.js";
import type { Journal } from "./journal.js";
import type { ClusterRecord, ClusterState, StepRecord, StepState } from "./records.js";
import { ENDED_CLUSTER, TERMINAL_STEP } from "./records.js";

export interface EngineDirs {
  s3Root: string;
  logRoot: string;
}

export class Engine {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly steps = new Map<string, StepRecord>();
  private readonly running = new Map<string, RunningStep>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Per cluster, the index of its first step that may not have ended: everything before it has. */
  private readonly firstUnfinished = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly journal: Journal,
    private readonly dirs: EngineDirs,
    private readonly startupMs: number,
    restored: readonly (ClusterRecord | StepRecord)[],
  ) {
    for (const r of restored) (r.kind === "cluster" ? this.clusters : this.steps).set(r.id, r as never);
    this.recover();
  }

  createCluster(
    spec: Omit<ClusterRecord, "kind" | "id" | "state" | "created" | "steps">,
    steps: StepSpec[],
  ): ClusterRecord {
    const cluster: ClusterRecord = {
      ...spec,
      kind: "cluster",
      id: newId("j"),
      state: "STARTING",
      created: Date.now(),
      steps: [],
    };
    this.clusters.set(cluster.id, cluster);
    this.journal.write([cluster, ...this.newSteps(cluster, steps)]);
    this.later(this.startupMs / 2, () => this.moveCluster(cluster, "BOOTSTRAPPING"));
    this.later(this.startupMs, () => {
      if (cluster.state !== "BOOTSTRAPPING") return;
      cluster.ready = Date.now();
      this.pump(cluster);
    });
    return cluster;
  }

  cluster(id: unknown, missing = invalidRequest): ClusterRecord {
    const cluster = typeof id === "string" ? this.clusters.get(id) : undefined;
    if (!cluster) throw missing(`Cluster id '${String(id)}' is not valid.`);
    return cluster;
  }

  addSteps(cluster: ClusterRecord, steps: StepSpec[]): StepRecord[] {
    if (ENDED_CLUSTER.has(cluster.state)) {
      throw validationError(`A job flow that is shutting down, terminated, or finished may not be modified.`);
    }
    const active = this.unfinished(cluster).filter((s) => s.state === "PENDING" || s.state === "RUNNING").length;
    if (active + steps.length > MAX_ACTIVE_STEPS) {
      throw validationError(
        `Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded: ${active} active, ${steps.length} more would exceed ${MAX_ACTIVE_STEPS}.`,
      );
    }
    const records = this.newSteps(cluster, steps);
    this.journal.write(records);
    if (cluster.state === "RUNNING" || cluster.state === "WAITING") this.pump(cluster);
    return records;
  }

  setConcurrency(cluster: ClusterRecord, level: number): void {
    cluster.concurrency = level;
    this.journal.write([cluster]);
    if (cluster.state === "RUNNING" || cluster.state === "WAITING") this.pump(cluster);
  }

  terminate(cluster: ClusterRecord, withErrors = false, message = "Terminated by user request"): void {
    if (ENDED_CLUSTER.has(cluster.state)) return;
    const unfinished = this.unfinished(cluster);
    const changed = unfinished
      .filter((step) => step.state === "PENDING" || step.state === "CANCEL_PENDING")
      .map((step) => this.end(step, "CANCELLED", "Cluster terminated"));
    cluster.state = "TERMINATING";
    cluster.reason = { Code: withErrors ? "STEP_FAILURE" : "USER_REQUEST", Message: message };
    this.journal.write([...changed, cluster]);
    for (const step of unfinished) this.running.get(step.id)?.kill("SIGKILL");
    this.later(10, () => {
      cluster.state = withErrors ? "TERMINATED_WITH_ERRORS" : "TERMINATED";
      cluster.ended = Date.now();
      this.journal.write([cluster]);
    });
  }

  /** CancelSteps for one step: the answer EMR puts in CancelStepsInfoList. */
  cancel(step: StepRecord, option: string): { Status: "SUBMITTED" | "FAILED"; Reason?: string } {
    if (step.state === "PENDING") {
      step.state = "CANCEL_PENDING";
      this.journal.write([step]);
      this.later(0, () => {
        if (step.state === "CANCEL_PENDING") this.journal.write([this.end(step, "CANCELLED", "Cancelled by user")]);
      });
      return { Status: "SUBMITTED" };
    }
    if (step.state === "RUNNING") {
      step.reason = "Cancelled by user";
      this.running.get(step.id)?.kill(option === "TERMINATE_PROCESS" ? "SIGKILL" : "SIGINT");
      return { Status: "SUBMITTED" };
    }
    return { Status: "FAILED", Reason: `Step ${step.id} is in state ${step.state} and cannot be cancelled.` };
  }

  /** Resolves once every change made so far is on disk: requests are answered only after it. */
  durable(): Promise<void> {
    return this.journal.durable();
  }

  /** Stops everything; resolves once no step process is left running and none will start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    // Running steps are left as the journal has them: a restart ends them INTERRUPTED, as after a crash.
    await Promise.all([...this.running.values()].map((r) => r.stop()));
  }

  private newSteps(cluster: ClusterRecord, specs: StepSpec[]): StepRecord[] {
    return specs.map((spec) => {
      const step: StepRecord = {
        ...spec,
        kind: "step",
        id: newId("s"),
        clusterId: cluster.id,
        index: cluster.steps.length,
        state: "PENDING",
        created: Date.now(),
      };
      this.steps.set(step.id, step);
      cluster.steps.push(step.id);
      return step;
    });
  }

  /** Starts the next steps while there is room; settles the cluster when nothing is left to run. */
  private pump(cluster: ClusterRecord): void {
    if (this.closed || ENDED_CLUSTER.has(cluster.state)) return;
    const unfinished = this.unfinished(cluster);
    let runningCount = unfinished.filter((s) => s.state === "RUNNING").length;
    for (const step of unfinished) {
      if (runningCount >= cluster.concurrency) break;
      if (step.state !== "PENDING") continue;
      this.start(cluster, step);
      runningCount++;
    }
    if (runningCount > 0) this.moveCluster(cluster, "RUNNING");
    else if (cluster.keepAlive) this.moveCluster(cluster, "WAITING");
    else this.terminate(cluster, false, "Steps completed");
  }

  private start(cluster: ClusterRecord, step: StepRecord): void {
    step.state = "RUNNING";
    step.started = Date.now();
    this.journal.write([step]);
    const run = runStep(step, this.dirs);
    this.running.set(step.id, run);
    void run.done.then((outcome) => {
      this.running.delete(step.id);
      if (this.closed || step.state !== "RUNNING") return;
      if (ENDED_CLUSTER.has(cluster.state)) this.journal.write([this.end(step, "CANCELLED", "Cluster terminated")]);
      else if (outcome.ok) this.journal.write([this.end(step, "COMPLETED")]);
      else if (step.reason === "Cancelled by user") this.journal.write([this.end(step, "CANCELLED", step.reason)]);
      else {
        step.failure = { Reason: "Unknown Error.", Message: outcome.message, LogFile: outcome.logFile };
        this.journal.write([this.end(step, "FAILED", outcome.message)]);
        this.onFailure(cluster, step);
      }
      this.pump(cluster);
    });
  }

  /** What EMR does after a step fails, by its ActionOnFailure. */
  private onFailure(cluster: ClusterRecord, step: StepRecord): void {
    if (step.actionOnFailure === "CONTINUE") return;
    const pending = this.unfinished(cluster).filter((s) => s.state === "PENDING");
    const reason = `Cancelled because step ${step.id} failed with ActionOnFailure ${step.actionOnFailure}`;
    this.journal.write(pending.map((s) => this.end(s, "CANCELLED", reason)));
    if (step.actionOnFailure !== "CANCEL_AND_WAIT") this.terminate(cluster, true, `Step ${step.id} failed`);
    else this.moveCluster(cluster, "WAITING");
  }

  /** After a restart: running steps were lost with the process, so they end INTERRUPTED and the queue goes on. */
  private recover(): void {
    for (const cluster of this.clusters.values()) {
      for (const id of cluster.steps) {
        const step = this.steps.get(id)!;
        if (step.state === "CANCEL_PENDING") this.journal.write([this.end(step, "CANCELLED", "Cancelled by user")]);
        if (step.state !== "RUNNING") continue;
        this.journal.write([this.end(step, "INTERRUPTED", "The emulator restarted while the step was running")]);
        if (step.actionOnFailure !== "CONTINUE") this.onFailure(cluster, step);
      }
      if (cluster.state === "TERMINATING") this.terminateNow(cluster);
      else if (cluster.state === "STARTING" || cluster.state === "BOOTSTRAPPING") {
        this.later(this.startupMs, () => this.pump(cluster));
      } else if (!ENDED_CLUSTER.has(cluster.state)) this.later(0, () => this.pump(cluster));
    }
  }

  /**
   * The cluster's steps that have not ended, oldest first. Ended steps before the first unfinished one are skipped
   * for good, so a cluster with 100,000 steps behind it pays only for the few still in play.
   */
  private unfinished(cluster: ClusterRecord): StepRecord[] {
    let first = this.firstUnfinished.get(cluster.id) ?? 0;
    while (first < cluster.steps.length && TERMINAL_STEP.has(this.steps.get(cluster.steps[first]!)!.state)) first++;
    this.firstUnfinished.set(cluster.id, first);
    const steps: StepRecord[] = [];
    for (let i = first; i < cluster.steps.length; i++) {
      const step = this.steps.get(cluster.steps[i]!)!;
      if (!TERMINAL_STEP.has(step.state)) steps.push(step);
    }
    return steps;
  }

  private terminateNow(cluster: ClusterRecord): void {
    cluster.state = cluster.reason?.Code === "STEP_FAILURE" ? "TERMINATED_WITH_ERRORS" : "TERMINATED";
    cluster.ended = Date.now();
    this.journal.write([cluster]);
  }

  private end(step: StepRecord, state: StepState, reason?: string): StepRecord {
    step.state = state;
    step.ended = Date.now();
    if (reason !== undefined) step.reason = reason;
    return step;
  }

  private moveCluster(cluster: ClusterRecord, state: ClusterState): void {
    if (cluster.state === state || ENDED_CLUSTER.has(cluster.state)) return;
    cluster.state = state;
    cluster.reason = state === "WAITING" ? { Message: "Cluster ready to run steps." } : {};
    this.journal.write([cluster]);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(timer);
  }
}

export type StepSpec = Pick<StepRecord, "name" | "actionOnFailure" | "jar" | "args" | "properties"> & {
  mainClass?: string;
};

export function isTerminalStep(state: StepState): boolean {
  return TERMINAL_STEP.has(state);
}
