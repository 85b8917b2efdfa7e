/**
 * Exactly once among identical steps: another client's identical steps are never taken for ours, and a read-back
 * that lags never makes us send a chunk twice. The emulator over HTTP, behind the fault proxy.
 */
import { AddJobFlowStepsCommand } from "@aws-sdk/client-emr";
import { validate } from "@emrkit/dsl";
import { PreflightError, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { clientFor, command, emulatorPerTest, fast, type Opened } from "./support/emulator.js";
import { type ProxyFault, type ProxyOptions, startFaultProxy } from "./support/fault-proxy.js";

const open = emulatorPerTest();
const steps = () => [command("extract", "true"), command("load", "true")];

/** run() through a proxy with these faults; every step on the cluster afterwards, and which ones were ours. */
async function runBehind(
  opened: Opened,
  JobFlowId: string,
  faults: ProxyFault[],
  proxyOptions: ProxyOptions = {},
  window = 3_000,
) {
  const proxy = await startFaultProxy(opened.emulator.endpoint, faults, proxyOptions);
  const client = clientFor(proxy.endpoint);
  try {
    const job = run({ JobFlowId, Steps: steps() }, { client, ...fast, readBackWindowMs: window });
    const result = await job.result;
    const all = await opened.allSteps(JobFlowId);
    return { result, all, ours: new Set(result.steps.map((s) => s.stepId)) };
  } finally {
    client.destroy();
    await proxy.close();
  }
}

/** Another client adds the same steps to the same cluster (its ids), as a retried Airflow task would. */
function otherClient(opened: Opened, JobFlowId: string, ids: string[]) {
  return async () => {
    const out = await opened.client.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: steps() }));
    ids.push(...(out.StepIds ?? []));
  };
}

describe("identical steps from another client", () => {
  it("ours commit, our answer is lost: we report our own ids, theirs are left alone", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const theirs: string[] = [];
    const before = otherClient(opened, JobFlowId, theirs);
    const faults: ProxyFault[] = [{ operation: "AddJobFlowSteps", action: "drop-after-commit", count: 1, before }];
    const { result, all, ours } = await runBehind(opened, JobFlowId, faults);
    expect(result.ok).toBe(true);
    expect(all).toHaveLength(4);
    expect(theirs).toHaveLength(2);
    expect([...ours].filter((id) => theirs.includes(id))).toEqual([]);
    expect(all.filter((s) => !theirs.includes(s.Id!)).map((s) => s.Id)).toEqual(result.steps.map((s) => s.stepId));
    expect(result.cancelled).toEqual([]);
  });

  it("ours never arrives, theirs does: we send ours, and never adopt theirs", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const theirs: string[] = [];
    const before = otherClient(opened, JobFlowId, theirs);
    const faults: ProxyFault[] = [{ operation: "AddJobFlowSteps", action: "drop-before-commit", count: 1, before }];
    const { result, all, ours } = await runBehind(opened, JobFlowId, faults);
    expect(result.ok).toBe(true);
    expect(all).toHaveLength(4);
    expect([...ours].filter((id) => theirs.includes(id))).toEqual([]);
    expect(result.apiCalls.AddJobFlowSteps).toBe(2);
  });
});

describe("a read-back that lags", () => {
  for (const lagMs of [300, 2_000]) {
    it(`ListSteps hiding new steps for ${lagMs} ms after a lost answer: never a duplicate`, async () => {
      const opened = await open();
      const faults: ProxyFault[] = [{ operation: "AddJobFlowSteps", action: "drop-after-commit", count: 1 }];
      const JobFlowId = await opened.cluster();
      const { result, all } = await runBehind(opened, JobFlowId, faults, { hideNewStepsMs: lagMs }, lagMs + 2_000);
      expect(all.map((s) => s.Name)).toEqual(["extract", "load"]);
      expect(result.ok).toBe(true);
      expect(result.steps.map((s) => s.stepId)).toEqual(all.map((s) => s.Id));
      expect(result.apiCalls.AddJobFlowSteps).toBe(1);
    });
  }

  it("a chunk still unseen when the window ends was not added, and is sent again", async () => {
    const opened = await open();
    const faults: ProxyFault[] = [{ operation: "AddJobFlowSteps", action: "drop-before-commit", count: 1 }];
    const { result, all } = await runBehind(opened, await opened.cluster(), faults, {}, 300);
    expect(all.map((s) => s.Name)).toEqual(["extract", "load"]);
    expect(result.apiCalls.AddJobFlowSteps).toBe(2);
    expect(result.apiCalls.ListSteps).toBeGreaterThan(2);
  });
});

describe("the token in the HadoopJarStep budget", () => {
  it("a step that fits only without its token is refused by preflight, before anything is sent", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const Steps = [command("near-the-limit", "echo", "x".repeat(10_240 - "command-runner.jar".length - 4 - 10))];
    expect(validate({ JobFlowId, Steps }).ok).toBe(true);
    const error = await run({ JobFlowId, Steps }, { client: opened.client, ...fast }).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).issues.map((i) => [i.code, i.path])).toEqual([
      ["hadoop-jar-step-too-long", "Steps[0].HadoopJarStep"],
    ]);
    expect(await opened.allSteps(JobFlowId)).toEqual([]);
  });
});

describe("an abort while AddJobFlowSteps has no answer", () => {
  it("a request never answered nor seen: its steps are not submitted, and the reason says the outcome was unknown", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const proxy = await startFaultProxy(opened.emulator.endpoint, [
      { operation: "AddJobFlowSteps", action: "hang-before-commit", count: 1 },
    ]);
    const client = clientFor(proxy.endpoint);
    try {
      const controller = new AbortController();
      const job = run(
        { JobFlowId, Steps: steps() },
        {
          client,
          ...fast,
          signal: controller.signal,
          requestTimeoutMs: 100,
          readBackWindowMs: 100,
          onEvent: (event) => {
            if (event.type === "retry" && event.operation === "AddJobFlowSteps") controller.abort();
          },
        },
      );
      const result = await job.result;
      expect(result.ok).toBe(false);
      expect(result.steps).toEqual([]);
      expect(result.notSubmitted.map((s) => s.name)).toEqual(["extract", "load"]);
      for (const { reason } of result.notSubmitted)
        expect(reason).toMatch(/had no answer, and not seen on the cluster/);
      expect(await opened.allSteps(JobFlowId)).toEqual([]);
    } finally {
      client.destroy();
      await proxy.close();
    }
  });
});
