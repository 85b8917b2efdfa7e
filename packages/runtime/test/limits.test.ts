import { DescribeClusterCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { pipeline } from "@emrkit/dsl";
import type { RunEvent } from "@emrkit/runtime";
import { PreflightError, preflight, run, submit } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { command, emulatorPerTest, fast } from "./support/emulator.js";

const open = emulatorPerTest();

describe("limits, dependencies and refusals against the emulator", () => {
  it("600 steps go through the 256-active limit in chunks, each exactly once, all completed", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 128 });
    const Steps = Array.from({ length: 600 }, (_, i) => command(`s${i}`, "true"));
    const submitted: number[] = [];
    const result = await run(
      { JobFlowId, Steps },
      { client: opened.client, ...fast, onEvent: (e) => e.type === "submitted" && submitted.push(e.steps.length) },
    ).result;
    expect(result.ok).toBe(true);
    expect(submitted.reduce((a, b) => a + b, 0)).toBe(600);
    expect(Math.max(...submitted)).toBeLessThanOrEqual(256);
    expect(submitted.length).toBeGreaterThanOrEqual(3);
    const listed = await opened.allSteps(JobFlowId);
    expect(listed.map((s) => s.Name)).toEqual(Steps.map((s) => s.Name));
    expect(listed.every((s) => s.Status?.State === "COMPLETED")).toBe(true);
  }, 60_000);

  it("on a cluster running 4 at once, a step is held back until the steps it comes after have completed", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 4 });
    const built = pipeline()
      .add(command("extract", "sleep", "0.3"))
      .add(command("transform", "true"), { after: ["extract"] })
      .add(command("other", "true"))
      .add(command("report", "true"), { after: ["transform", "other"] })
      .build();
    const events: RunEvent[] = [];
    const result = await run(
      { JobFlowId, Steps: built.steps },
      { client: opened.client, ...fast, dependencies: built.after, onEvent: (e) => events.push(e) },
    ).result;
    expect(result.ok).toBe(true);
    const index = (match: (e: RunEvent) => boolean) => events.findIndex(match);
    const completed = (name: string) =>
      index((e) => e.type === "step" && e.step.name === name && e.state === "COMPLETED");
    const submittedAt = (name: string) => index((e) => e.type === "submitted" && e.steps.some((s) => s.name === name));
    expect(events.filter((e) => e.type === "held").map((e) => e.type === "held" && e.step)).toEqual([
      "transform",
      "report",
    ]);
    expect(submittedAt("transform")).toBeGreaterThan(completed("extract"));
    expect(submittedAt("report")).toBeGreaterThan(completed("transform"));
    expect(submittedAt("other")).toBe(submittedAt("extract"));
  });

  it("with concurrency 1 the steps go in dependency order in one call", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    const handles = await submit(
      { JobFlowId, Steps: [command("report", "true"), command("load", "true")] },
      { client: opened.client, ...fast, dependencies: { report: ["load"] } },
    );
    expect(handles.map((h) => h.name)).toEqual(["load", "report"]);
  });

  it("refuses a terminated cluster before sending anything", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster();
    await opened.client.send(new TerminateJobFlowsCommand({ JobFlowIds: [JobFlowId] }));
    for (let i = 0; i < 200; i++) {
      const state = (await opened.client.send(new DescribeClusterCommand({ ClusterId: JobFlowId }))).Cluster?.Status
        ?.State;
      if (state === "TERMINATED") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const error = await preflight({ JobFlowId, Steps: [command("a", "true")] }, { client: opened.client }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).issues.filter((i) => i.severity === "error").map((i) => i.path)).toEqual([
      "JobFlowId",
    ]);
  });

  it("refuses CANCEL_AND_WAIT on a cluster with concurrency 4, and adds nothing", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ concurrency: 4 });
    const Steps = [command("ok", "true"), { ...command("bad", "true"), ActionOnFailure: "CANCEL_AND_WAIT" as const }];
    const job = run({ JobFlowId, Steps }, { client: opened.client, ...fast });
    const error = await job.result.catch((e) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).issues.map((i) => i.path)).toContain("Steps[1].ActionOnFailure");
    expect(await opened.allSteps(JobFlowId)).toEqual([]);
  });
});
