import { gzipSync } from "node:zlib";
import { EMRClient, ListStepsCommand, RunJobFlowCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { PreflightError, preflight, run, submit } from "@emrkit/runtime";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStepStderr } from "../src/internal/failure-log.js";
import { allSteps } from "./support/all-steps.js";
import { startFaultProxy } from "./support/fault-proxy.js";
import { motoAvailable, startMoto } from "./support/moto.js";

const available = motoAvailable();
if (!available)
  console.warn("SKIPPED: moto is not installed here (python3 -m moto.server); the moto tests did not run");

describe.skipIf(!available)("against a moto server", () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let client: EMRClient;
  beforeAll(async () => {
    moto = await startMoto();
    client = new EMRClient({
      region: "eu-west-1",
      endpoint: moto.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
  });
  afterAll(() => moto?.close());

  async function newCluster(concurrency = 1): Promise<string> {
    const cluster = await client.send(
      new RunJobFlowCommand({
        StepConcurrencyLevel: concurrency,
        Name: "runtime-test",
        ReleaseLabel: "emr-6.15.0",
        LogUri: "s3://logs-bucket/emr/",
        Instances: { InstanceCount: 1, MasterInstanceType: "m5.xlarge", KeepJobFlowAliveWhenNoSteps: true },
        JobFlowRole: "EMR_EC2_DefaultRole",
        ServiceRole: "EMR_DefaultRole",
      }),
    );
    return cluster.JobFlowId ?? "";
  }

  it("exactly once through a proxy that drops AddJobFlowSteps answers after commit and throttles", async () => {
    const JobFlowId = await newCluster();
    // Identical steps: only the read-back's position can tell a committed chunk from a lost one.
    const Steps = Array.from({ length: 40 }, () => ({
      Name: "same",
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
    }));
    const proxy = await startFaultProxy(moto.endpoint, [
      { operation: "AddJobFlowSteps", action: "drop-after-commit", count: 1 },
      { operation: "AddJobFlowSteps", action: "throttle", count: 1 },
      { operation: "ListSteps", action: "throttle", count: 2 },
    ]);
    const proxied = new EMRClient({
      region: "eu-west-1",
      endpoint: proxy.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    try {
      const retries: string[] = [];
      const handles = await submit(
        { JobFlowId, Steps },
        {
          client: proxied,
          pollIntervalMs: 20,
          retry: { baseDelayMs: 5, maxDelayMs: 20 },
          onEvent: (e) => e.type === "retry" && retries.push(e.operation),
        },
      );
      const listed = await client.send(new ListStepsCommand({ ClusterId: JobFlowId }));
      expect(handles).toHaveLength(40);
      expect([...(listed.Steps ?? [])].reverse().map((s) => s.Id)).toEqual(handles.map((h) => h.stepId));
      expect(retries).toContain("AddJobFlowSteps");
      expect(retries).toContain("ListSteps");
    } finally {
      proxied.destroy();
      await proxy.close();
    }
  });

  it("preflight refuses CANCEL_AND_WAIT at concurrency 4 and a terminated cluster, sending no step", async () => {
    const Steps = [
      {
        Name: "a",
        ActionOnFailure: "CANCEL_AND_WAIT" as const,
        HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
      },
    ];
    const concurrent = await newCluster(4);
    const refused = await preflight({ JobFlowId: concurrent, Steps }, { client }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PreflightError);
    expect((refused as PreflightError).issues.map((i) => [i.code, i.path])).toEqual([
      ["action-on-failure-with-concurrency", "Steps[0].ActionOnFailure"],
    ]);
    const terminated = await newCluster();
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [terminated] }));
    const job = run({ JobFlowId: terminated, Steps }, { client, pollIntervalMs: 20 });
    const error = await job.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).issues.map((i) => i.path)).toEqual(["JobFlowId"]);
    expect((error as PreflightError).message).toMatch(/TERMINATED/);
    const listed = await client.send(new ListStepsCommand({ ClusterId: terminated }));
    expect(listed.Steps).toEqual([]);
  });

  it("reads a failed step's stderr.gz from S3 beside the LogFile EMR names", async () => {
    await fetch(`${moto.endpoint}/step-logs`, { method: "PUT" });
    const stderr = 'Exception in thread "main" java.lang.IllegalStateException: no input\n\tat Job.main(Job.java:3)\n';
    const key = "emr/j-1/steps/s-1/stderr.gz";
    await fetch(`${moto.endpoint}/step-logs/${key}`, { method: "PUT", body: gzipSync(stderr) });
    const log = await readStepStderr("s3://step-logs/emr/j-1/steps/s-1/controller.gz", 0, client);
    expect(log).toEqual({ path: `s3://step-logs/${key}`, text: stderr });
    expect(await readStepStderr("s3://step-logs/emr/j-1/steps/s-2/", 0, client)).toBeUndefined();
  });

  it("a call that times out after EMR committed it is reconciled, not repeated", async () => {
    const JobFlowId = await newCluster();
    const Steps = Array.from({ length: 5 }, () => ({
      Name: "same",
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
    }));
    const proxy = await startFaultProxy(moto.endpoint, [
      { operation: "AddJobFlowSteps", action: "delay-after-commit", count: 1, delayMs: 400 },
    ]);
    const proxied = new EMRClient({
      region: "eu-west-1",
      endpoint: proxy.endpoint,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    try {
      const errors: string[] = [];
      const handles = await submit(
        { JobFlowId, Steps },
        {
          client: proxied,
          requestTimeoutMs: 150,
          retry: { baseDelayMs: 1, maxDelayMs: 5 },
          onEvent: (e) => e.type === "retry" && errors.push(e.error),
        },
      );
      expect(errors).toEqual([expect.stringMatching(/^TimeoutError/)]);
      expect((await allSteps(client, JobFlowId)).map((s) => s.Id)).toEqual(handles.map((h) => h.stepId));
    } finally {
      proxied.destroy();
      await proxy.close();
    }
  });

  it("property: any mix of dropped answers and throttling leaves every step present exactly once, in order", async () => {
    const fault = fc.record({
      operation: fc.constantFrom("AddJobFlowSteps", "ListSteps", "DescribeCluster"),
      action: fc.constantFrom("drop-after-commit" as const, "throttle" as const),
      count: fc.integer({ min: 1, max: 2 }),
    });
    // At most 256 steps: moto never runs its steps, so more would wait for room forever.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 256 }), fc.array(fault, { maxLength: 4 }), async (count, faults) => {
        const JobFlowId = await newCluster(4);
        const Steps = Array.from({ length: count }, (_, i) => ({
          Name: `s${i % 3}`,
          ActionOnFailure: "CONTINUE" as const,
          HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
        }));
        const proxy = await startFaultProxy(
          moto.endpoint,
          faults.map((f) => ({ ...f })),
        );
        const proxied = new EMRClient({
          region: "eu-west-1",
          endpoint: proxy.endpoint,
          credentials: { accessKeyId: "test", secretAccessKey: "test" },
        });
        try {
          const handles = await submit(
            { JobFlowId, Steps },
            { client: proxied, pollIntervalMs: 10, retry: { attempts: 10, baseDelayMs: 1, maxDelayMs: 5 } },
          );
          const listed = await allSteps(client, JobFlowId);
          expect(listed.map((s) => s.Id)).toEqual(handles.map((h) => h.stepId));
          expect(listed.map((s) => s.Name)).toEqual(Steps.map((s) => s.Name));
        } finally {
          proxied.destroy();
          await proxy.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it("submits and reads the steps back, each once, in order, with handles", async () => {
    const JobFlowId = await newCluster();
    const Steps = Array.from({ length: 12 }, (_, i) => ({
      Name: `step-${i}`,
      ActionOnFailure: "CONTINUE" as const,
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["echo", String(i)] },
    }));
    const checked = await preflight({ JobFlowId, Steps }, { client });
    expect(checked.stepConcurrencyLevel).toBeGreaterThanOrEqual(1);
    // More than one request holds is no refusal: submit chunks it.
    const many = Array.from({ length: 300 }, () => Steps[0] as (typeof Steps)[number]);
    await expect(preflight({ JobFlowId, Steps: many }, { client })).resolves.toMatchObject({ activeSteps: 0 });
    const handles = await submit({ JobFlowId, Steps }, { client, pollIntervalMs: 20 });
    expect(handles.map((h) => h.name)).toEqual(Steps.map((s) => s.Name));
    expect(handles[0]?.consoleUrl).toBe(
      `https://eu-west-1.console.aws.amazon.com/emr/home?region=eu-west-1#/clusterDetails/${JobFlowId}`,
    );
    expect(handles[0]?.logPrefix).toBe(`s3://logs-bucket/emr/${JobFlowId}/steps/${handles[0]?.stepId}/`);
    const listed = await client.send(new ListStepsCommand({ ClusterId: JobFlowId }));
    const oldestFirst = [...(listed.Steps ?? [])].reverse();
    expect(oldestFirst.map((s) => s.Id)).toEqual(handles.map((h) => h.stepId));
    expect(oldestFirst.map((s) => s.Config?.Args)).toEqual(Steps.map((s) => s.HadoopJarStep.Args));
  });
});
