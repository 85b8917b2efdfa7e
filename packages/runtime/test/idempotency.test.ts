/**
 * The read-back and the idempotency key, each on the one point a plausible mistake would break: a key reused for
 * another request, two copies of our steps (the older one is ours), a 5xx after the commit (read back, not resent),
 * and a read-back that stops at the newest step seen before the call (not paging through the cluster's history).
 */
import { AddJobFlowStepsCommand, type EMRClient } from "@aws-sdk/client-emr";
import { IdempotencyKeyError, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { newSubmission, tokenOf, withToken } from "../src/internal/submission.js";
import { clientFor, command, emulatorPerTest, fast, type Opened } from "./support/emulator.js";
import { type ProxyFault, startFaultProxy } from "./support/fault-proxy.js";

const open = emulatorPerTest();
const steps = () => [command("extract", "true"), command("load", "true")];

async function behindProxy<T>(
  opened: Opened,
  faults: ProxyFault[],
  onRequest: (operation: string, body: Record<string, unknown>) => void,
  body: (client: EMRClient) => Promise<T>,
): Promise<T> {
  const proxy = await startFaultProxy(opened.emulator.endpoint, faults, { onRequest });
  const client = clientFor(proxy.endpoint);
  try {
    return await body(client);
  } finally {
    client.destroy();
    await proxy.close();
  }
}

describe("the idempotency key", () => {
  it("run again after it completed: nothing is sent, the same steps are reported", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const options = { client: opened.client, ...fast, idempotencyKey: "daily-etl/2026-11-24" };
    const first = await run({ JobFlowId, Steps: steps() }, options).result;
    const again = await run({ JobFlowId, Steps: steps() }, options).result;
    expect(again.ok).toBe(true);
    expect(again.steps.map((s) => s.stepId)).toEqual(first.steps.map((s) => s.stepId));
    expect(again.apiCalls.AddJobFlowSteps).toBeUndefined();
    expect(await opened.allSteps(JobFlowId)).toHaveLength(2);
  });

  it("the same key with a different request is an error that says so, and sends nothing", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const options = { client: opened.client, ...fast, idempotencyKey: "daily-etl/2026-11-24" };
    await run({ JobFlowId, Steps: steps() }, options).result;
    const changed = [command("extract", "true"), command("load", "false")];
    const error = await run({ JobFlowId, Steps: changed }, options).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyKeyError);
    expect((error as Error).message).toMatch(/"daily-etl\/2026-11-24" was used on j-\w+ for a different request/);
    expect(await opened.allSteps(JobFlowId)).toHaveLength(2);
  });

  it("two copies of our steps on the cluster (two processes raced): the older copy is ours", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const submission = newSubmission(steps(), undefined, "raced");
    const tokened = steps().map((step, i) => withToken(step, tokenOf(submission, i)));
    const add = async () =>
      (await opened.client.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: tokened }))).StepIds ?? [];
    const older = await add();
    await add();
    const result = await run({ JobFlowId, Steps: steps() }, { client: opened.client, ...fast, idempotencyKey: "raced" })
      .result;
    expect(result.steps.map((s) => s.stepId)).toEqual(older);
    expect(result.apiCalls.AddJobFlowSteps).toBeUndefined();
  });
});

describe("the read-back", () => {
  it("a 5xx after the commit is read back, not resent", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const faults: ProxyFault[] = [{ operation: "AddJobFlowSteps", action: "error-after-commit", count: 1 }];
    const result = await behindProxy(
      opened,
      faults,
      () => {},
      (client) => run({ JobFlowId, Steps: steps() }, { client, ...fast, readBackWindowMs: 500 }).result,
    );
    expect(result.ok).toBe(true);
    expect((await opened.allSteps(JobFlowId)).map((s) => s.Id)).toEqual(result.steps.map((s) => s.stepId));
  });

  it("stops at the newest step seen before the call, even among 120 identical older steps", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    for (let i = 0; i < 60; i++) await opened.client.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: steps() }));
    while ((await opened.allSteps(JobFlowId)).some((s) => s.Status?.State !== "COMPLETED")) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    let readingBack = false;
    let pagesBeyondFirst = 0;
    const faults: ProxyFault[] = [
      {
        operation: "AddJobFlowSteps",
        action: "drop-after-commit",
        count: 1,
        before: async () => {
          readingBack = true;
        },
      },
    ];
    const onRequest = (operation: string, body: Record<string, unknown>) => {
      if (readingBack && operation === "ListSteps" && body.Marker !== undefined) pagesBeyondFirst++;
    };
    const result = await behindProxy(
      opened,
      faults,
      onRequest,
      (client) => run({ JobFlowId, Steps: steps() }, { client, ...fast, readBackWindowMs: 500 }).result,
    );
    expect(result.ok).toBe(true);
    expect(await opened.allSteps(JobFlowId)).toHaveLength(122);
    expect(pagesBeyondFirst).toBe(0);
  });
});
