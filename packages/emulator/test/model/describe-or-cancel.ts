import { CancelStepsCommand, DescribeStepCommand } from "@aws-sdk/client-emr";
import type fc from "fast-check";
import { expect } from "vitest";
import type { Model, Real } from "./model.js";

/** DescribeStep of one step, then CancelSteps of it, which an ended step refuses. */
export class DescribeOrCancel implements fc.AsyncCommand<Model, Real> {
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
