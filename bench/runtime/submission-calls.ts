import type { EMRClient } from "@aws-sdk/client-emr";
import { run } from "@emrkit/runtime";
import { newCluster } from "./new-cluster.js";

/**
 * What an idempotency key costs: API calls of run() submitting and following `count` steps (chunks of at most 256,
 * under the cluster's 256 active steps), without a key and with one. Goal: the key costs at most one extra
 * ListSteps page per chunk (its one look for an earlier run's steps, at the start, pages through the cluster). The
 * cost is read from the ListSteps made before the first AddJobFlowSteps (preflight's, and the key's look): the
 * totals also hold the polls, whose number follows timing and differs by a few between two identical runs.
 */
export async function submissionCalls(client: EMRClient, counts: readonly number[]): Promise<void> {
  console.log(
    "\n| steps | idempotency key | AddJobFlowSteps | ListSteps | before the first send | extra per chunk |\n|---:|---|---:|---:|---:|---:|",
  );
  const before = countListStepsBeforeFirstAdd(client);
  for (const count of counts) {
    const steps = Array.from({ length: count }, (_, i) => ({
      Name: `submit-${i}`,
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
    }));
    const calls = async (idempotencyKey?: string) => {
      const JobFlowId = await newCluster(client, 64);
      const options = {
        client,
        pollIntervalMs: 50,
        maxPollIntervalMs: 200,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      };
      before.reset();
      const { apiCalls, ok } = await run({ JobFlowId, Steps: steps }, options).result;
      if (!ok) throw new Error("bench run failed");
      return { apiCalls, beforeFirstAdd: before.count() };
    };
    const plain = await calls();
    const keyed = await calls(`bench/${count}`);
    const chunks = plain.apiCalls.AddJobFlowSteps ?? 0;
    const extra = (keyed.beforeFirstAdd - plain.beforeFirstAdd) / Math.max(1, chunks);
    for (const [label, { apiCalls, beforeFirstAdd }] of [
      ["no", plain],
      ["yes", keyed],
    ] as const) {
      const perChunk = label === "no" ? "" : `${extra.toFixed(2)} (goal ≤ 1: ${extra <= 1 ? "met" : "NOT met"})`;
      console.log(
        `| ${count} | ${label} | ${apiCalls.AddJobFlowSteps ?? 0} | ${apiCalls.ListSteps ?? 0} | ${beforeFirstAdd} | ${perChunk} |`,
      );
    }
  }
}

/** Counts, through a middleware on the client, the ListSteps sent since `reset()` before the first AddJobFlowSteps. */
function countListStepsBeforeFirstAdd(client: EMRClient): { reset(): void; count(): number } {
  let listed = 0;
  let added = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "AddJobFlowStepsCommand") added = true;
      else if (context.commandName === "ListStepsCommand" && !added) listed++;
      return next(args);
    },
    { step: "initialize", name: "benchListStepsBeforeFirstAdd" },
  );
  return {
    reset: () => {
      listed = 0;
      added = false;
    },
    count: () => listed,
  };
}
