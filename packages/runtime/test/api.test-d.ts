import { follow, type RunEvent, type RunResult, run, type StepHandle, submit } from "@emrkit/runtime";
import { describe, expectTypeOf, it } from "vitest";

describe("runtime API types", () => {
  it("run returns an async iterable of events with a result promise", () => {
    const job = run({ JobFlowId: "j-1", Steps: [] });
    expectTypeOf(job).toMatchTypeOf<AsyncIterable<RunEvent>>();
    expectTypeOf(job.result).resolves.toEqualTypeOf<RunResult>();
    expectTypeOf(submit).returns.resolves.toEqualTypeOf<StepHandle[]>();
    expectTypeOf(follow).parameter(0).toEqualTypeOf<StepHandle[]>();
  });

  it("events narrow on type", () => {
    const show = (event: RunEvent) => {
      if (event.type === "step")
        expectTypeOf(event.state).toEqualTypeOf<
          "PENDING" | "CANCEL_PENDING" | "RUNNING" | "COMPLETED" | "CANCELLED" | "FAILED" | "INTERRUPTED"
        >();
      if (event.type === "cancel") expectTypeOf(event.failed).toEqualTypeOf<{ stepId: string; reason: string }[]>();
    };
    expectTypeOf(show).toBeFunction();
  });
});
