/**
 * Model-based test: fast-check drives the emulator over HTTP with random sequences of operations — adding steps
 * that succeed or fail with each ActionOnFailure, listing with filters and pages, describing, cancelling,
 * terminating, restarting on the same data directory — and after each one compares what EMR's API shows with a
 * model of EMR's rules small enough to be obviously right. One step at a time (StepConcurrencyLevel 1) and a
 * settled cluster after each command keep the expected outcome independent of timing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  type EMRClient,
  ListStepsCommand,
  type StepState,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EmulatorHandle, startEmulator } from "../src/index.js";
import { clientFor, cluster, run } from "./support.js";

const STRESS = process.env.EMRKIT_STRESS === "1";
type Action = "CONTINUE" | "CANCEL_AND_WAIT" | "TERMINATE_CLUSTER";
interface StepSpec {
  ok: boolean;
  action: Action;
}

interface Model {
  keepAlive: boolean;
  cluster: "WAITING" | "TERMINATED" | "TERMINATED_WITH_ERRORS";
  /** Oldest first. */
  steps: { id: string; name: string; state: StepState }[];
}

interface Real {
  emu: EmulatorHandle;
  client: EMRClient;
  clusterId: string;
  dataDir: string;
  added: number;
}

const tally = { commands: 0, steps: 0 };
const ENDED = new Set(["TERMINATED", "TERMINATED_WITH_ERRORS"]);
const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "INTERRUPTED"]);

/** EMR's rules for a batch of steps run one at a time on a cluster with nothing else pending. */
function expectedOutcome(model: Model, specs: StepSpec[], ids: string[], names: string[]): void {
  let stop: "cancel" | undefined;
  specs.forEach((spec, i) => {
    let state: StepState;
    if (stop) state = "CANCELLED";
    else if (spec.ok) state = "COMPLETED";
    else {
      state = "FAILED";
      if (spec.action !== "CONTINUE") stop = "cancel";
      if (spec.action === "TERMINATE_CLUSTER") model.cluster = "TERMINATED_WITH_ERRORS";
    }
    model.steps.push({ id: ids[i]!, name: names[i]!, state });
  });
  if (!model.keepAlive && model.cluster === "WAITING") model.cluster = "TERMINATED";
}

async function listAll(real: Real, StepStates?: StepState[]) {
  const steps: { id: string; name: string; state: string }[] = [];
  let Marker: string | undefined;
  do {
    const page = await real.client.send(new ListStepsCommand({ ClusterId: real.clusterId, Marker, StepStates }));
    expect(page.Steps!.length).toBeLessThanOrEqual(50);
    for (const s of page.Steps ?? []) steps.push({ id: s.Id!, name: s.Name!, state: s.Status!.State! });
    Marker = page.Marker;
  } while (Marker);
  return steps;
}

/** Waits until no step is active and the cluster has stopped moving. */
async function settle(real: Real): Promise<void> {
  for (;;) {
    const { Cluster } = await real.client.send(new DescribeClusterCommand({ ClusterId: real.clusterId }));
    const state = Cluster!.Status!.State!;
    const steps = await listAll(real);
    if (steps.every((s) => TERMINAL.has(s.state)) && (state === "WAITING" || ENDED.has(state))) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function agrees(model: Model, real: Real): Promise<void> {
  await settle(real);
  const { Cluster } = await real.client.send(new DescribeClusterCommand({ ClusterId: real.clusterId }));
  expect(Cluster!.Status!.State).toBe(model.cluster);
  expect(await listAll(real)).toEqual([...model.steps].reverse());
}

class AddSteps implements fc.AsyncCommand<Model, Real> {
  constructor(readonly specs: StepSpec[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const names = this.specs.map(() => `step-${real.added++}`);
    const steps = this.specs.map((s, i) => run(names[i]!, [s.ok ? "true" : "false"], s.action));
    const sent = real.client.send(new AddJobFlowStepsCommand({ JobFlowId: real.clusterId, Steps: steps }));
    if (ENDED.has(model.cluster)) {
      await expect(sent).rejects.toMatchObject({ name: "ValidationException" });
      return;
    }
    const { StepIds } = await sent;
    tally.steps += StepIds!.length;
    expect(StepIds).toHaveLength(this.specs.length);
    expectedOutcome(model, this.specs, StepIds!, names);
    await agrees(model, real);
  }
  toString = () => `add(${this.specs.map((s) => `${s.ok ? "ok" : "fail"}/${s.action}`).join(", ")})`;
}

class ListByState implements fc.AsyncCommand<Model, Real> {
  constructor(readonly states: StepState[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const wanted = model.steps.filter((s) => this.states.includes(s.state)).reverse();
    expect(await listAll(real, this.states)).toEqual(wanted);
  }
  toString = () => `list(${this.states.join("|")})`;
}

class DescribeOrCancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.steps.length > 0;
  async run(model: Model, real: Real) {
    const step = model.steps[this.pick % model.steps.length]!;
    const { Step } = await real.client.send(new DescribeStepCommand({ ClusterId: real.clusterId, StepId: step.id }));
    expect([Step!.Name, Step!.Status!.State]).toEqual([step.name, step.state]);
    expect(Step!.Status!.Timeline!.EndDateTime).toBeInstanceOf(Date);
    // Every step has ended by now, and an ended step cannot be cancelled.
    const { CancelStepsInfoList } = await real.client.send(
      new CancelStepsCommand({ ClusterId: real.clusterId, StepIds: [step.id] }),
    );
    expect(CancelStepsInfoList).toMatchObject([{ StepId: step.id, Status: "FAILED" }]);
  }
  toString = () => `describe+cancel(#${this.pick})`;
}

class Terminate implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.client.send(new TerminateJobFlowsCommand({ JobFlowIds: [real.clusterId] }));
    if (model.cluster === "WAITING") model.cluster = "TERMINATED";
    await agrees(model, real);
  }
  toString = () => "terminate";
}

class Restart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.emu.close();
    real.emu = await startEmulator({ dataDir: real.dataDir, clusterStartupMs: 0 });
    real.client = clientFor(real.emu.endpoint);
    await agrees(model, real);
  }
  toString = () => "restart";
}

const succeedsMostly = fc.oneof(
  { arbitrary: fc.constant(true), weight: 3 },
  { arbitrary: fc.constant(false), weight: 1 },
);
const action = fc.constantFrom<Action>("CONTINUE", "CANCEL_AND_WAIT", "TERMINATE_CLUSTER");
const addSteps = fc
  .array(fc.record({ ok: succeedsMostly, action }), { minLength: 1, maxLength: 4 })
  .map((specs) => new AddSteps(specs));
// Adds are most of what happens; a termination ends the useful part of a sequence, so it is rare.
const commands = fc.commands(
  [
    addSteps,
    addSteps,
    addSteps,
    addSteps,
    fc
      .subarray<StepState>(["COMPLETED", "FAILED", "CANCELLED", "PENDING"], { minLength: 1 })
      .map((states) => new ListByState(states)),
    fc.nat().map((pick) => new DescribeOrCancel(pick)),
    fc.constant(new Restart()),
    fc.nat(2).map((n) => (n === 0 ? new Terminate() : new Restart())),
  ],
  { maxCommands: STRESS ? 30 : 8 },
);
const keepsAliveMostly = fc.oneof(
  { arbitrary: fc.constant(true), weight: 5 },
  { arbitrary: fc.constant(false), weight: 1 },
);

describe("the emulator against a model of EMR's rules", () => {
  it(
    "shows what EMR would after any sequence of adds, lists, cancels, terminations and restarts",
    async () => {
      let sequences = 0;
      await fc.assert(
        fc.asyncProperty(keepsAliveMostly, commands, async (keepAlive, cmds) => {
          sequences++;
          const dataDir = mkdtempSync(join(tmpdir(), "emrkit-model-"));
          const emu = await startEmulator({ dataDir, clusterStartupMs: 0 });
          const client = clientFor(emu.endpoint);
          const real: Real = { emu, client, dataDir, added: 0, clusterId: await cluster(client, { keepAlive }) };
          const model: Model = { keepAlive, cluster: keepAlive ? "WAITING" : "TERMINATED", steps: [] };
          try {
            await agrees(model, real);
            await fc.asyncModelRun(() => ({ model, real }), cmds);
            tally.commands += [...cmds].length;
          } finally {
            await real.emu.close();
          }
        }),
        { numRuns: STRESS ? 300 : 25 },
      );
      console.log(
        `model-based: ${sequences} sequences, ${tally.commands} commands, ${tally.steps} steps run: all agreed with the model`,
      );
    },
    STRESS ? 1_800_000 : 60_000,
  );
});
