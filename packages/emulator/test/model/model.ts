/**
 * The model of EMR's rules that the emulator is checked against, and how to read the real emulator in the model's
 * terms. One step at a time (StepConcurrencyLevel 1) and a settled cluster after each command keep the expected
 * outcome independent of timing.
 */
import type { EMRClient, StepState } from "@aws-sdk/client-emr";
import { DescribeClusterCommand, ListStepsCommand } from "@aws-sdk/client-emr";
import { expect } from "vitest";
import type { EmulatorHandle } from "../../src/index.js";

export type Action = "CONTINUE" | "CANCEL_AND_WAIT" | "TERMINATE_CLUSTER";
export interface StepSpec {
  ok: boolean;
  action: Action;
}

export interface Model {
  keepAlive: boolean;
  cluster: "WAITING" | "TERMINATED" | "TERMINATED_WITH_ERRORS";
  /** Oldest first. */
  steps: { id: string; name: string; state: StepState }[];
}

export interface Real {
  emu: EmulatorHandle;
  client: EMRClient;
  clusterId: string;
  dataDir: string;
  added: number;
}

export const tally = { commands: 0, steps: 0 };
export const ENDED = new Set(["TERMINATED", "TERMINATED_WITH_ERRORS"]);
const TERMINAL = new Set(["COMPLETED", "FAILED", "CANCELLED", "INTERRUPTED"]);

/** EMR's rules for a batch of steps run one at a time on a cluster with nothing else pending. */
export function expectedOutcome(model: Model, specs: StepSpec[], ids: string[], names: string[]): void {
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

export async function listAll(real: Real, StepStates?: StepState[]) {
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

export async function agrees(model: Model, real: Real): Promise<void> {
  await settle(real);
  const { Cluster } = await real.client.send(new DescribeClusterCommand({ ClusterId: real.clusterId }));
  expect(Cluster!.Status!.State).toBe(model.cluster);
  expect(await listAll(real)).toEqual([...model.steps].reverse());
}
