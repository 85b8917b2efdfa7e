/**
 * cancelSteps on its own (cancel-steps.ts), against CancelSteps and ListSteps answers held here: what counts as
 * cancelled when EMR refuses a step (the retry of a call whose first attempt committed meets steps already being
 * cancelled), which steps it looks up to tell, and how it splits and reports the ids. The run over HTTP, with a
 * lost CancelSteps answer, is in run.test.ts; the states EMR gives a cancelled step are CANCEL_PENDING then
 * CANCELLED (API reference, StepStatus).
 */
import type { CancelStepsInfo, StepSummary } from "@aws-sdk/client-emr";
import { CANCEL_STEPS_MAX_IDS } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import type { RunEvent } from "../src/index.js";
import { cancelSteps } from "../src/internal/cancel-steps.js";
import type { EmrCalls } from "../src/internal/emr-calls.js";

/** EmrCalls answering CancelSteps by `answer` and ListSteps (by StepIds) from `states`; every call's input kept. */
function emr(answer: (id: string) => CancelStepsInfo | undefined, states: Record<string, string> = {}) {
  const inputs: { operation: string; input: Record<string, unknown> }[] = [];
  const calls = {
    async call(make: () => { input: Record<string, unknown>; constructor: { name: string } }) {
      const command = make();
      const operation = command.constructor.name.replace(/Command$/, "");
      inputs.push({ operation, input: command.input });
      const ids = command.input.StepIds as string[];
      if (operation === "CancelSteps") {
        return { CancelStepsInfoList: ids.flatMap((id) => answer(id) ?? []) };
      }
      const Steps: StepSummary[] = ids.flatMap((Id) =>
        states[Id] === undefined ? [] : [{ Id, Status: { State: states[Id] as never } }],
      );
      return { Steps };
    },
  } as unknown as EmrCalls;
  return { calls, inputs };
}

const submitted = (StepId: string): CancelStepsInfo => ({ StepId, Status: "SUBMITTED" });
const refused = (StepId: string, Reason = `Step ${StepId} cannot be cancelled.`): CancelStepsInfo => ({
  StepId,
  Status: "FAILED",
  Reason,
});

async function cancel(calls: EmrCalls, ids: string[]) {
  const emitted: RunEvent[] = [];
  const returned = await cancelSteps(calls, "j-1", ids, "SEND_INTERRUPT", (e) => emitted.push(e));
  return { emitted, returned };
}

describe("a step EMR refuses to cancel", () => {
  it("counts as cancelled when it is being cancelled or was (CANCEL_PENDING, CANCELLED): an earlier attempt did it", async () => {
    const { calls } = emr(refused, { "s-1": "CANCEL_PENDING", "s-2": "CANCELLED" });
    const { emitted } = await cancel(calls, ["s-1", "s-2"]);
    expect(emitted).toEqual([{ type: "cancel", requested: ["s-1", "s-2"], cancelled: ["s-1", "s-2"], failed: [] }]);
  });

  it("fails with EMR's reason when it is in any other state, or not listed at all", async () => {
    const { calls } = emr(refused, { "s-1": "COMPLETED", "s-2": "RUNNING", "s-3": "FAILED" });
    const { emitted } = await cancel(calls, ["s-1", "s-2", "s-3", "s-4"]);
    expect(emitted).toEqual([
      {
        type: "cancel",
        requested: ["s-1", "s-2", "s-3", "s-4"],
        cancelled: [],
        failed: ["s-1", "s-2", "s-3", "s-4"].map((stepId) => ({
          stepId,
          reason: `Step ${stepId} cannot be cancelled.`,
        })),
      },
    ]);
  });

  it("left out of CancelStepsInfoList, and not being cancelled, fails saying EMR gave no answer for it", async () => {
    const { calls } = emr((id) => (id === "s-1" ? submitted(id) : undefined), { "s-2": "RUNNING" });
    const { emitted } = await cancel(calls, ["s-1", "s-2", "s-3"]);
    expect(emitted).toEqual([
      {
        type: "cancel",
        requested: ["s-1", "s-2", "s-3"],
        cancelled: ["s-1"],
        failed: [
          { stepId: "s-2", reason: "no answer for this step in CancelStepsInfoList" },
          { stepId: "s-3", reason: "no answer for this step in CancelStepsInfoList" },
        ],
      },
    ]);
  });
});

describe("what it asks EMR", () => {
  it("looks up only the refused steps, and nothing when every step was submitted", async () => {
    const some = emr((id) => (id === "s-2" ? refused(id) : submitted(id)), { "s-2": "CANCEL_PENDING" });
    await cancel(some.calls, ["s-1", "s-2", "s-3"]);
    expect(some.inputs.map(({ operation, input }) => [operation, input.StepIds])).toEqual([
      ["CancelSteps", ["s-1", "s-2", "s-3"]],
      ["ListSteps", ["s-2"]],
    ]);
    const all = emr(submitted);
    await cancel(all.calls, ["s-1", "s-2"]);
    expect(all.inputs.map(({ operation }) => operation)).toEqual(["CancelSteps"]);
  });

  it(`cancels in calls of at most ${CANCEL_STEPS_MAX_IDS} ids, one event each, with the option given; the events are also returned`, async () => {
    const ids = Array.from({ length: CANCEL_STEPS_MAX_IDS + 3 }, (_, i) => `s-${i}`);
    const { calls, inputs } = emr(submitted);
    const { emitted, returned } = await cancel(calls, ids);
    expect(inputs.map(({ input }) => [(input.StepIds as string[]).length, input.StepCancellationOption])).toEqual([
      [CANCEL_STEPS_MAX_IDS, "SEND_INTERRUPT"],
      [3, "SEND_INTERRUPT"],
    ]);
    expect(inputs.every(({ input }) => input.ClusterId === "j-1")).toBe(true);
    expect(emitted.map((e) => (e.type === "cancel" ? e.cancelled.length : -1))).toEqual([CANCEL_STEPS_MAX_IDS, 3]);
    expect(returned).toEqual(emitted);
  });
});
