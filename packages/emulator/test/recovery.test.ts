/**
 * What the emulator makes of its data directory when it starts again on it (engine.ts, `recover`), in this
 * process: the first emulator is closed with work in flight, and a second one opens the same directory. A step
 * that was running ends FAILED and its ActionOnFailure is applied as if it had failed then (the guess engine.ts
 * states: EMR documents nothing for this); a cluster that was still starting starts; one that was terminating
 * ends terminated. restart.test.ts does the same across a `kill -9` of a serve.ts process.
 */
import {
  type ActionOnFailure,
  AddJobFlowStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, clusterIn, run, settled, started, stepIn } from "./support.js";
import { tempDir } from "./temp-dir.js";

describe("a step running when the emulator closed", () => {
  const cases: { action: ActionOnFailure; next: string; cluster: string }[] = [
    { action: "CONTINUE", next: "COMPLETED", cluster: "WAITING" },
    { action: "CANCEL_AND_WAIT", next: "CANCELLED", cluster: "WAITING" },
    { action: "TERMINATE_CLUSTER", next: "CANCELLED", cluster: "TERMINATED_WITH_ERRORS" },
  ];
  for (const { action, next, cluster: clusterState } of cases) {
    it(`ends FAILED on the next start, saying why, and ${action} then applies: the next step ${next}, the cluster ${clusterState}`, async () => {
      const dataDir = tempDir("emrkit-recovery-");
      const first = await started({ dataDir });
      const id = await cluster(clientFor(first.endpoint));
      const { StepIds } = await clientFor(first.endpoint).send(
        new AddJobFlowStepsCommand({
          JobFlowId: id,
          Steps: [run("long", ["sleep", "30"], action), run("next", ["true"])],
        }),
      );
      const [long, after] = StepIds as [string, string];
      await stepIn(clientFor(first.endpoint), id, long, "RUNNING");
      await first.close();

      const client = clientFor((await started({ dataDir })).endpoint);
      const steps = await settled(client, id);
      expect(steps.map((s) => s.Status!.State)).toEqual(["FAILED", next]);
      const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: long }));
      expect(Step!.Status!.FailureDetails).toEqual({
        Reason: "The emulator stopped while the step was running",
        Message: `The emulator running step ${long} stopped (killed, or closed) before the step ended; what was left of its processes was ended when it started again.`,
      });
      expect(Step!.Status!.StateChangeReason).toEqual({
        Message: "The emulator stopped while the step was running",
      });
      if (next === "CANCELLED") {
        const { Step: cancelled } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId: after }));
        expect(cancelled!.Status!.StateChangeReason!.Message).toBe(
          `Cancelled because step ${long} failed with ActionOnFailure ${action}`,
        );
      }
      const ended = await clusterIn(client, id, clusterState);
      if (clusterState === "TERMINATED_WITH_ERRORS") {
        expect(ended.Status!.StateChangeReason).toEqual({ Code: "STEP_FAILURE", Message: `Step ${long} failed` });
      }
    }, 20_000);
  }
});

describe("a cluster in the middle of a change when the emulator closed", () => {
  it("still starting: it starts on the next start and runs its steps", async () => {
    const dataDir = tempDir("emrkit-recovery-");
    const first = await started({ dataDir, clusterStartupMs: 60_000 });
    const { JobFlowId } = await clientFor(first.endpoint).send(
      new RunJobFlowCommand({
        Name: "starting",
        ReleaseLabel: "emr-7.0.0",
        Instances: { KeepJobFlowAliveWhenNoSteps: false },
        Steps: [run("first", ["true"])],
      }),
    );
    const id = JobFlowId!;
    const before = await clientFor(first.endpoint).send(new DescribeClusterCommand({ ClusterId: id }));
    expect(before.Cluster!.Status!.State).toBe("STARTING");
    await first.close();

    const client = clientFor((await started({ dataDir })).endpoint);
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["COMPLETED"]);
    const ended = await clusterIn(client, id, "TERMINATED");
    expect(ended.Status!.StateChangeReason).toEqual({ Code: "ALL_STEPS_COMPLETED", Message: "Steps completed" });
  }, 20_000);

  it("terminating at a user's request: it ends TERMINATED, with the user's reason, not with errors", async () => {
    const dataDir = tempDir("emrkit-recovery-");
    // A step that ignores SIGTERM keeps its cluster TERMINATING for the kill grace (cancel-outcomes.test.ts).
    const first = await started({ dataDir, stepKillGraceMs: 2_000 });
    const id = await cluster(clientFor(first.endpoint));
    const { StepIds } = await clientFor(first.endpoint).send(
      new AddJobFlowStepsCommand({ JobFlowId: id, Steps: [run("stubborn", ["sh", "-c", 'trap "" TERM; sleep 30'])] }),
    );
    await stepIn(clientFor(first.endpoint), id, StepIds![0]!, "RUNNING");
    await clientFor(first.endpoint).send(new TerminateJobFlowsCommand({ JobFlowIds: [id] }));
    await clusterIn(clientFor(first.endpoint), id, "TERMINATING");
    await first.close();

    const client = clientFor((await started({ dataDir })).endpoint);
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("TERMINATED");
    expect(Cluster!.Status!.StateChangeReason).toEqual({ Code: "USER_REQUEST", Message: "Terminated by user request" });
    expect(Cluster!.Status!.Timeline!.EndDateTime).toBeInstanceOf(Date);
  }, 20_000);
});
