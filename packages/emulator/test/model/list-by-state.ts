import type { StepState } from "@aws-sdk/client-emr";
import type fc from "fast-check";
import { expect } from "vitest";
import { listAll, type Model, type Real } from "./model.js";

/** ListSteps filtered by states, every page: the model's steps in those states, newest first. */
export class ListByState implements fc.AsyncCommand<Model, Real> {
  constructor(readonly states: StepState[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const wanted = model.steps.filter((s) => this.states.includes(s.state)).reverse();
    expect(await listAll(real, this.states)).toEqual(wanted);
  }
  toString = () => `list(${this.states.join("|")})`;
}
