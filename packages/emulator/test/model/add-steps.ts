import { AddJobFlowStepsCommand } from "@aws-sdk/client-emr";
import type fc from "fast-check";
import { expect } from "vitest";
import { run } from "../support.js";
import { agrees, ENDED, expectedOutcome, type Model, type Real, type StepSpec, tally } from "./model.js";

/** AddJobFlowSteps with steps that succeed or fail under an ActionOnFailure; refused once the cluster has ended. */
export class AddSteps implements fc.AsyncCommand<Model, Real> {
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
