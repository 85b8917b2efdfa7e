import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { startEmulator } from "@emrkit/emulator";
import { type RunEvent, run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { allSteps } from "./support/all-steps.js";
import { command, emulatorPerTest, fast } from "./support/emulator.js";
import { type ErrorFault, startErrorProxy } from "./support/error-proxy.js";
import { flakyNetworkClient } from "./support/flaky-network.js";

/**
 * Failures the SDK's own classifiers know, met over HTTP with the real client: each is retried, and AddJobFlowSteps
 * is sent again at once when nothing can have been done (refused before, never sent), or read back first when it
 * may have been. A read-back that found nothing would wait `readBackWindowMs`: a minute here, so a run that needed
 * one could not end within the test's time.
 */
const open = emulatorPerTest();
const Steps = [command("a", "true"), command("b", "true")];
const patient = { ...fast, readBackWindowMs: 60_000 };

/** Every call a client sends, in order: one per attempt, as the runtime switches the SDK's own retries off. */
function recordCalls(client: EMRClient): string[] {
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName).replace(/Command$/, ""));
      return next(args);
    },
    { step: "initialize", name: "recordCalls" },
  );
  return calls;
}

/** From the first AddJobFlowSteps to the last: AddJobFlowSteps alone means it was resent without reading back. */
function submission(calls: readonly string[]): string[] {
  return calls.slice(calls.indexOf("AddJobFlowSteps"), calls.lastIndexOf("AddJobFlowSteps") + 1);
}

const clientFor = (endpoint: string) =>
  new EMRClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" } });

const retries = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === "retry" ? [`${e.operation} ${e.error.replace(/:.*/s, "")}`] : []));

/** `run()` of `Steps` on a new cluster through an error proxy: its result and events, the calls sent, the steps listed. */
async function runThroughProxy(faults: ErrorFault[]) {
  const opened = await open();
  const JobFlowId = await opened.cluster();
  const proxy = await startErrorProxy(opened.emulator.endpoint, faults);
  const client = clientFor(proxy.endpoint);
  const calls = recordCalls(client);
  const events: RunEvent[] = [];
  try {
    const result = await run({ JobFlowId, Steps }, { client, ...patient, onEvent: (e) => events.push(e) }).result;
    return { JobFlowId, result, events, calls, listed: await opened.allSteps(JobFlowId) };
  } finally {
    client.destroy();
    await proxy.close();
  }
}

describe("failures the SDK classifies", () => {
  it("ENOTFOUND and EHOSTUNREACH while connecting: nothing was sent, so even AddJobFlowSteps goes again at once", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const flaky = flakyNetworkClient(opened.emulator.endpoint);
    const calls = recordCalls(flaky.client);
    const errors: string[] = [];
    flaky.failNext("ENOTFOUND"); // DescribeCluster, in preflight
    const result = await run(
      { JobFlowId, Steps },
      {
        client: flaky.client,
        ...patient,
        onEvent: (e) => {
          if (e.type === "preflight") flaky.failNext("ENOTFOUND", "EHOSTUNREACH");
          if (e.type === "retry") errors.push(`${e.operation} ${e.error}`);
        },
      },
    ).result;
    expect(result.ok).toBe(true);
    expect(errors).toEqual([
      expect.stringMatching(/^DescribeCluster .*ENOTFOUND/),
      expect.stringMatching(/^AddJobFlowSteps .*ENOTFOUND/),
      expect.stringMatching(/^AddJobFlowSteps .*EHOSTUNREACH/),
    ]);
    expect(submission(calls)).toEqual(["AddJobFlowSteps", "AddJobFlowSteps", "AddJobFlowSteps"]);
    expect((await opened.allSteps(JobFlowId)).map((s) => s.Name)).toEqual(["a", "b"]);
  });

  it("ThrottledException and LimitExceededException are refusals: retried, AddJobFlowSteps without reading back", async () => {
    const { JobFlowId, result, events, calls, listed } = await runThroughProxy([
      { operation: "DescribeCluster", when: "before-commit", type: "ThrottledException", count: 1 },
      { operation: "ListSteps", when: "before-commit", type: "LimitExceededException", count: 1 },
      { operation: "AddJobFlowSteps", when: "before-commit", type: "ThrottledException", count: 1 },
      { operation: "AddJobFlowSteps", when: "before-commit", type: "LimitExceededException", count: 1 },
    ]);
    expect(result.ok).toBe(true);
    expect(retries(events)).toEqual([
      "DescribeCluster ThrottledException",
      "ListSteps LimitExceededException",
      "AddJobFlowSteps ThrottledException",
      "AddJobFlowSteps LimitExceededException",
    ]);
    expect(submission(calls)).toEqual(["AddJobFlowSteps", "AddJobFlowSteps", "AddJobFlowSteps"]);
    expect(listed.map((s) => s.Name)).toEqual(["a", "b"]);
    expect(result.clusterId).toBe(JobFlowId);
  });

  it("RequestTimeoutException after EMR did the call: outcome unknown, so read back and found, never sent twice", async () => {
    const { result, events, calls, listed } = await runThroughProxy([
      { operation: "AddJobFlowSteps", when: "after-commit", type: "RequestTimeoutException", count: 1 },
    ]);
    expect(result.ok).toBe(true);
    expect(retries(events)).toEqual(["AddJobFlowSteps RequestTimeoutException"]);
    expect(calls.filter((c) => c === "AddJobFlowSteps")).toHaveLength(1);
    expect(listed.map((s) => s.Name)).toEqual(["a", "b"]);
    expect(result.steps.map((s) => s.stepId)).toEqual(listed.map((s) => s.Id));
  });

  it("a clock off by 10 minutes either way: the SDK corrects its offset from EMR's answer, and the call goes again", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "emrkit-runtime-"));
    const credentials = { accessKeyId: "test", secretAccessKey: "test" };
    const emulator = await startEmulator({ port: 0, dataDir, verifySignatures: credentials });
    const client = new EMRClient({ region: "us-east-1", endpoint: emulator.endpoint, credentials });
    try {
      for (const skewMs of [10 * 60_000, -10 * 60_000]) {
        const cluster = await client.send(
          new RunJobFlowCommand({ Name: "skew", Instances: { KeepJobFlowAliveWhenNoSteps: true } }),
        );
        const JobFlowId = cluster.JobFlowId ?? "";
        const calls = recordCalls(client);
        const events: RunEvent[] = [];
        const onEvent = (e: RunEvent) => {
          // From here on this machine's clock is off: the SDK signs with its time plus the offset it has learnt.
          if (e.type === "preflight") client.config.systemClockOffset = skewMs;
          events.push(e);
        };
        const result = await run({ JobFlowId, Steps }, { client, ...patient, onEvent }).result;
        expect(result.ok).toBe(true);
        expect(retries(events)).toEqual(["AddJobFlowSteps InvalidSignatureException"]);
        expect(events.find((e) => e.type === "retry")).toMatchObject({
          error: skewMs > 0 ? expect.stringMatching(/Signature not yet current/) : expect.stringMatching(/expired/),
        });
        expect(Math.abs(client.config.systemClockOffset)).toBeLessThan(60_000);
        expect(submission(calls)).toEqual(["AddJobFlowSteps", "AddJobFlowSteps"]);
        expect((await allSteps(client, JobFlowId)).map((s) => s.Name)).toEqual(["a", "b"]);
        client.middlewareStack.remove("recordCalls");
      }
    } finally {
      client.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
