import { TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import type fc from "fast-check";
import { agrees, type Model, type Real } from "./model.js";

/** TerminateJobFlows: an ended cluster stays as it ended. */
export class Terminate implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.client.send(new TerminateJobFlowsCommand({ JobFlowIds: [real.clusterId] }));
    if (model.cluster === "WAITING") model.cluster = "TERMINATED";
    await agrees(model, real);
  }
  toString = () => "terminate";
}
