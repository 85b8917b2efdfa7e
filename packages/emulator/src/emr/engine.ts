/**
 * The cluster and step state machines, after the EMR Management Guide ("Understanding the cluster lifecycle",
 * "Work with steps") and the API reference:
 * - cluster: STARTING → BOOTSTRAPPING → RUNNING (a step runs) ⇄ WAITING (none, and it keeps alive) → TERMINATING
 *   → TERMINATED, or TERMINATED_WITH_ERRORS after a TERMINATE_CLUSTER step fails;
 * - step: PENDING → RUNNING → COMPLETED | FAILED; PENDING → CANCEL_PENDING → CANCELLED; a running step that is
 *   cancelled ends CANCELLED; a step that was running when the emulator died ends FAILED on its next start.
 * Up to StepConcurrencyLevel steps run at once, in the order they were added.
 * Guesses, where EMR documents nothing: steps still running when a cluster terminates end CANCELLED.
 *
 * Every change goes through DurableChanges: one transaction, written whole to the journal or undone, and nothing
 * leaves the process (an answer, a step's process started or killed, a timer) before it is on disk.
 */
import { MAX_ACTIVE_STEPS } from "@emrkit/dsl";
import { DurableChanges, type ReadOnly } from "./durable-changes.js";
import { validationError } from "./emr-error.js";
import { type RunningStep, runStep, type StepHost, type StepOutcome } from "./executor.js";
import { newId } from "./ids.js";
import type { Journal } from "./journal.js";
import type { AnyRecord, RecordStore } from "./record-store.js";
import type { ClusterRecord, ClusterState, StepRecord, StepState } from "./records.js";
import { ENDED_CLUSTER, TERMINAL_STEP } from "./records.js";

/** Where steps run and what they run with (executor.ts). */
export type EngineDirs = StepHost;

const CANCELLED_BY_USER = "Cancelled by user";
const EMULATOR_STOPPED = "The emulator stopped while the step was running";

/** What DescribeStep gives as a step's FailureDetails when the emulator stopped under it. */
function stoppedFailure(step: StepRecord): NonNullable<StepRecord["failure"]> {
  return {
    Reason: "The emulator stopped while the step was running",
    Message: `The emulator running step ${step.id} stopped (killed, or closed) before the step ended; what was left of its processes was ended when it started again.`,
  };
}

export class Engine {
  readonly clusters: Map<string, ClusterRecord>;
  readonly steps: Map<string, StepRecord>;
  private readonly changes: DurableChanges;
  private readonly running = new Map<string, RunningStep>();
  /** Per cluster, the index of its first step that may not have ended: everything before it has. */
  private readonly firstUnfinished = new Map<string, number>();
  private closed = false;

  /** `store` holds what the journal replayed. */
  constructor(
    journal: Journal,
    store: RecordStore,
    private readonly dirs: EngineDirs,
    private readonly startupMs: number,
  ) {
    this.clusters = store.clusters;
    this.steps = store.steps;
    // Steps may be unfinished again behind the place a cluster's scan had reached.
    this.changes = new DurableChanges(journal, store, () => this.firstUnfinished.clear());
    this.changes.background("recovering after a restart", () => this.recover());
  }

  /** Set once a change the emulator made on its own could not be made durable; it then changes nothing more. */
  get readOnly(): ReadOnly | undefined {
    return this.changes.readOnly;
  }

  /**
   * Runs one request's operation as one change: written before it returns (the answer waits for `durable()`
   * too), or refused with an InternalServerError, nothing changed.
   */
  request<T>(operation: () => T): T {
    return this.changes.request(operation);
  }

  /** Resolves once every change made so far is on disk: requests are answered only after it. */
  durable(): Promise<void> {
    return this.changes.durable();
  }

  /**
   * A new version of a record, whole: its fields with `changes` over them, journaled with the change being made
   * (an operation's new field: `engine.update(cluster, { terminationProtected: true })`).
   */
  update<R extends AnyRecord>(record: R, changes: Partial<Omit<R, "kind" | "id">>): R {
    return this.changes.transact(() => this.changes.put({ ...record, ...changes } as R));
  }

  createCluster(
    spec: Omit<ClusterRecord, "kind" | "id" | "state" | "created" | "steps">,
    steps: StepSpec[],
  ): ClusterRecord {
    return this.changes.transact(() => {
      const cluster = this.changes.put<ClusterRecord>({
        ...spec,
        kind: "cluster",
        id: newId("j"),
        state: "STARTING",
        created: Date.now(),
        steps: [],
      });
      this.newSteps(cluster, steps);
      this.startUp(cluster);
      return cluster;
    });
  }

  /**
   * STARTING → BOOTSTRAPPING halfway through `startupMs`, then ready (ReadyDateTime) and running its steps, as EMR's
   * cluster lifecycle goes (Management Guide, "Understanding the cluster lifecycle",
   * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-overview.html#emr-overview-cluster-lifecycle); also
   * for a cluster that was still starting when the emulator stopped, which starts afresh.
   */
  private startUp(cluster: ClusterRecord): void {
    this.changes.later(this.startupMs / 2, `bootstrapping ${cluster.id}`, () =>
      this.moveCluster(cluster, "BOOTSTRAPPING"),
    );
    this.changes.later(this.startupMs, `starting ${cluster.id}`, () => {
      if (cluster.state !== "BOOTSTRAPPING") return;
      this.update(cluster, { ready: Date.now() });
      this.pump(cluster);
    });
  }

  addSteps(cluster: ClusterRecord, steps: StepSpec[]): StepRecord[] {
    if (ENDED_CLUSTER.has(cluster.state)) {
      throw validationError(`A job flow that is shutting down, terminated, or finished may not be modified.`);
    }
    // Every step not ended — PENDING, RUNNING and CANCEL_PENDING — as EMR's own message counts them.
    const active = this.unfinished(cluster).length;
    if (active + steps.length > MAX_ACTIVE_STEPS) {
      throw validationError(
        `Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded: ${active} active, ${steps.length} more would exceed ${MAX_ACTIVE_STEPS}.`,
      );
    }
    return this.changes.transact(() => {
      const records = this.newSteps(cluster, steps);
      if (cluster.state === "RUNNING" || cluster.state === "WAITING") this.pump(cluster);
      return records;
    });
  }

  setConcurrency(cluster: ClusterRecord, level: number): void {
    this.changes.transact(() => {
      this.update(cluster, { concurrency: level });
      if (cluster.state === "RUNNING" || cluster.state === "WAITING") this.pump(cluster);
    });
  }

  terminate(
    cluster: ClusterRecord,
    withErrors = false,
    message = "Terminated by user request",
    code = withErrors ? "STEP_FAILURE" : "USER_REQUEST",
  ): void {
    if (ENDED_CLUSTER.has(cluster.state)) return;
    this.changes.transact(() => {
      const unfinished = this.unfinished(cluster);
      for (const step of unfinished) {
        if (step.state === "PENDING" || step.state === "CANCEL_PENDING")
          this.end(step, "CANCELLED", "Cluster terminated");
      }
      this.update(cluster, {
        state: "TERMINATING",
        reason: { Code: code, Message: message },
      });
      const running = unfinished.filter((s) => s.state === "RUNNING").map((s) => s.id);
      this.changes.afterDurable(() => {
        // The whole process group: SIGTERM, SIGKILL after the grace, as an instance shutting down would (guess).
        // TERMINATING until nothing of them runs: "The cluster is in the process of shutting down" until its
        // resources are released (Management Guide, "Understanding the cluster lifecycle").
        const stopped = running.map((id) => this.running.get(id)?.stop());
        void Promise.all(stopped).then(() =>
          this.changes.later(10, `terminating ${cluster.id}`, () =>
            this.update(cluster, { state: withErrors ? "TERMINATED_WITH_ERRORS" : "TERMINATED", ended: Date.now() }),
          ),
        );
      });
    });
  }

  /** CancelSteps for one step: the answer EMR puts in CancelStepsInfoList. */
  cancel(step: StepRecord, option: string): { Status: "SUBMITTED" | "FAILED"; Reason?: string } {
    if (step.state === "PENDING") {
      this.changes.transact(() => {
        this.update(step, { state: "CANCEL_PENDING" });
        this.changes.later(0, `cancelling ${step.id}`, () => {
          if (step.state === "CANCEL_PENDING") this.end(step, "CANCELLED", CANCELLED_BY_USER);
        });
      });
      return { Status: "SUBMITTED" };
    }
    if (step.state === "RUNNING") {
      this.changes.transact(() => {
        this.update(step, { reason: CANCELLED_BY_USER });
        this.changes.afterDurable(() => this.running.get(step.id)?.cancel(option));
      });
      return { Status: "SUBMITTED" };
    }
    return { Status: "FAILED", Reason: `Step ${step.id} is in state ${step.state} and cannot be cancelled.` };
  }

  /** Stops everything; resolves once no step process is left running and none will start. */
  async close(): Promise<void> {
    this.closed = true;
    this.changes.close();
    // Running steps are left as the journal has them: a restart ends them FAILED, as after a crash.
    await Promise.all([...this.running.values()].map((r) => r.stop()));
  }

  private newSteps(cluster: ClusterRecord, specs: StepSpec[]): StepRecord[] {
    return specs.map((spec) =>
      this.changes.put<StepRecord>({
        ...spec,
        kind: "step",
        id: newId("s"),
        clusterId: cluster.id,
        index: cluster.steps.length,
        state: "PENDING",
        created: Date.now(),
      }),
    );
  }

  /** Starts the next steps while there is room; settles the cluster when nothing is left to run. */
  private pump(cluster: ClusterRecord): void {
    if (this.closed || ENDED_CLUSTER.has(cluster.state)) return;
    const unfinished = this.unfinished(cluster);
    let runningCount = unfinished.filter((s) => s.state === "RUNNING").length;
    for (const step of unfinished) {
      if (runningCount >= cluster.concurrency) break;
      if (step.state !== "PENDING") continue;
      this.update(step, { state: "RUNNING", started: Date.now() });
      this.changes.afterDurable(() => this.spawn(step));
      runningCount++;
    }
    if (runningCount > 0) this.moveCluster(cluster, "RUNNING");
    else if (cluster.keepAlive) this.moveCluster(cluster, "WAITING");
    // The model's ClusterStateChangeReasonCode for a cluster that ends because its steps are done.
    else this.terminate(cluster, false, "Steps completed", "ALL_STEPS_COMPLETED");
  }

  /** Runs a step's process, its RUNNING now on disk; one cancelled or cut short meanwhile is killed as it starts. */
  private spawn(step: StepRecord): void {
    if (step.state !== "RUNNING") return;
    const run = runStep(step, this.dirs, this.clusters.get(step.clusterId)?.region);
    this.running.set(step.id, run);
    if (step.reason === CANCELLED_BY_USER || ENDED_CLUSTER.has(this.clusters.get(step.clusterId)!.state)) {
      void run.stop();
    }
    const failed = (error: Error): StepOutcome => ({
      ok: false,
      message: `cannot run step: ${error.message}`,
      logFile: "",
    });
    void run.done.then(
      (outcome) => this.stepEnded(step, outcome),
      (error: Error) => this.stepEnded(step, failed(error)),
    );
  }

  private stepEnded(step: StepRecord, outcome: StepOutcome): void {
    this.running.delete(step.id);
    if (this.closed) return;
    this.changes.background(`ending ${step.id}`, () => {
      if (step.state !== "RUNNING") return;
      const cluster = this.clusters.get(step.clusterId)!;
      if (ENDED_CLUSTER.has(cluster.state)) this.end(step, "CANCELLED", "Cluster terminated");
      // Cancelled while its program ran, it ends CANCELLED even if the program then exits 0 (SEND_INTERRUPT's
      // SIGTERM handled): "The status of the steps … changes to CANCELLED" for both options (Management Guide,
      // "Cancel steps", https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-cancel-steps.html).
      else if (outcome.cancelled) this.end(step, "CANCELLED", CANCELLED_BY_USER);
      else if (outcome.ok) this.end(step, "COMPLETED");
      else if (step.reason === CANCELLED_BY_USER) this.end(step, "CANCELLED", step.reason);
      else {
        const failure = { Reason: "Unknown Error.", Message: outcome.message, LogFile: outcome.logFile };
        this.update(step, { state: "FAILED", ended: Date.now(), reason: outcome.message, failure });
        this.onFailure(cluster, step);
      }
      this.pump(cluster);
    });
  }

  /**
   * What EMR does after a step fails, by its ActionOnFailure. With StepConcurrencyLevel raised above 1 while the step
   * ran, "for a step that fails with this parameter set to CANCEL_AND_WAIT, pending steps and the running step are
   * not canceled; for a step that fails with this parameter set to TERMINATE_CLUSTER, the cluster does not
   * terminate" (API reference, StepConfig). A cluster with termination protection that does not auto-terminate is
   * not terminated either: it cancels and waits (Management Guide, "Managing cluster termination").
   */
  private onFailure(cluster: ClusterRecord, step: StepRecord): void {
    if (step.actionOnFailure === "CONTINUE" || cluster.concurrency > 1) return;
    const pending = this.unfinished(cluster).filter((s) => s.state === "PENDING");
    const reason = `Cancelled because step ${step.id} failed with ActionOnFailure ${step.actionOnFailure}`;
    for (const s of pending) this.end(s, "CANCELLED", reason);
    const protectedCluster = cluster.terminationProtected === true && cluster.keepAlive;
    if (step.actionOnFailure !== "CANCEL_AND_WAIT" && !protectedCluster) {
      this.terminate(cluster, true, `Step ${step.id} failed`);
    } else this.moveCluster(cluster, "WAITING");
  }

  /**
   * After a restart: running steps were lost with the process (what was left of them was killed before this,
   * left-groups.ts), so they end FAILED, as after the loss of the node a step runs on, and the queue goes on by
   * their ActionOnFailure. FAILED rather than INTERRUPTED is a guess: EMR documents neither for this, and the SDK's
   * StepComplete waiter fails on FAILED but matches nothing on INTERRUPTED, polling on until it times out
   * (waiters-2.json), so a pipeline waiting on it would hang for half an hour.
   */
  private recover(): void {
    for (const cluster of this.clusters.values()) {
      for (const id of cluster.steps) {
        const step = this.steps.get(id)!;
        if (step.state === "CANCEL_PENDING") this.end(step, "CANCELLED", CANCELLED_BY_USER);
        if (step.state !== "RUNNING") continue;
        this.update(step, {
          state: "FAILED",
          ended: Date.now(),
          reason: EMULATOR_STOPPED,
          failure: stoppedFailure(step),
        });
        if (step.actionOnFailure !== "CONTINUE") this.onFailure(cluster, step);
      }
      if (cluster.state === "TERMINATING") {
        const state = cluster.reason?.Code === "STEP_FAILURE" ? "TERMINATED_WITH_ERRORS" : "TERMINATED";
        this.update(cluster, { state, ended: Date.now() });
      } else if (cluster.state === "STARTING" || cluster.state === "BOOTSTRAPPING") {
        // Starts afresh, BOOTSTRAPPING and ready in turn: it was not ready when the emulator stopped.
        this.startUp(cluster);
      } else if (!ENDED_CLUSTER.has(cluster.state)) {
        this.changes.later(0, `resuming ${cluster.id}`, () => this.pump(cluster));
      }
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

  private end(step: StepRecord, state: StepState, reason?: string): void {
    this.update(step, { state, ended: Date.now(), ...(reason === undefined ? {} : { reason }) });
  }

  private moveCluster(cluster: ClusterRecord, state: ClusterState): void {
    if (cluster.state === state || ENDED_CLUSTER.has(cluster.state)) return;
    this.update(cluster, { state, reason: state === "WAITING" ? { Message: "Cluster ready to run steps." } : {} });
  }
}

export type StepSpec = Pick<StepRecord, "name" | "actionOnFailure" | "jar" | "args" | "properties"> & {
  mainClass?: string;
};

export function isTerminalStep(state: StepState): boolean {
  return TERMINAL_STEP.has(state);
}
