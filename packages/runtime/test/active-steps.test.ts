/**
 * What counts toward a cluster's 256 active steps: PENDING, CANCEL_PENDING and RUNNING, as EMR's own refusal words
 * it ("Maximum number of active steps(State = 'Running', 'Pending' or 'Cancel_Pending') for cluster exceeded.") and
 * as the emulator counts. The cluster is the SDK's real client over a stubbed transport that answers DescribeCluster
 * and ListSteps as EMR does (ListSteps filtered by StepStates): on the emulator a CANCEL_PENDING step lasts no time.
 */
import { EMRClient, type StepState } from "@aws-sdk/client-emr";
import { preflight } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";

/** What the transport would have deserialised; typed loosely, as the middleware's union of outputs is. */
const answer = (output: object) => ({ output: { $metadata: {}, ...output }, response: {} }) as never;

/** An EMR client whose every call is answered from `steps`, never sent. */
function clusterWith(steps: StepState[]): EMRClient {
  const client = new EMRClient({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      if (context.commandName === "DescribeClusterCommand") {
        return answer({ Cluster: { Status: { State: "WAITING" }, StepConcurrencyLevel: 1 } });
      }
      if (context.commandName !== "ListStepsCommand") throw new Error(`not stubbed: ${context.commandName}`);
      const wanted = (args.input as { StepStates?: StepState[] }).StepStates;
      const listed = steps
        .map((State, i) => ({ Id: `s-${i}`, Name: `n${i}`, Status: { State } }))
        .filter((s) => wanted === undefined || wanted.includes(s.Status.State))
        .reverse();
      return answer({ Steps: listed });
    },
    { step: "initialize", name: "answerFromSteps" },
  );
  return client;
}

const request = (count: number) => ({
  JobFlowId: "j-1",
  Steps: Array.from({ length: count }, (_, i) => ({
    Name: `new${i}`,
    ActionOnFailure: "CONTINUE" as const,
    HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
  })),
});

describe("active steps", () => {
  it("counts PENDING, CANCEL_PENDING and RUNNING, and nothing that has ended", async () => {
    const states: StepState[] = [
      "RUNNING",
      "PENDING",
      "PENDING",
      "CANCEL_PENDING",
      "CANCEL_PENDING",
      "COMPLETED",
      "CANCELLED",
      "FAILED",
      "INTERRUPTED",
    ];
    const result = await preflight(request(1), { client: clusterWith(states) });
    expect(result.activeSteps).toBe(5);
  });
});
