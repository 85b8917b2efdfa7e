/**
 * preflight checks a snapshot of the request (read once, so a getter cannot give the check one value and the
 * submission another) and hands it back as `request`; PreflightError redacts every string it carries where it is
 * made: its message and its issues (an unknown key in a path may be a secret).
 */
import type { AddJobFlowStepsInput, Issue } from "@emrkit/dsl";
import { secret, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import type { EmrCalls } from "../src/internal/emr-calls.js";
import { newSubmission } from "../src/internal/submission.js";
import { PreflightError, preflightWith } from "../src/preflight.js";

/** An EmrCalls that answers DescribeCluster and ListSteps for a WAITING cluster with no steps. */
function waitingCluster(): EmrCalls {
  const answers: Record<string, unknown> = {
    DescribeClusterCommand: { Cluster: { Id: "j-1", Status: { State: "WAITING" }, StepConcurrencyLevel: 1 } },
    ListStepsCommand: { Steps: [] },
  };
  return {
    call: async (make: () => { constructor: { name: string } }) => answers[make().constructor.name],
  } as unknown as EmrCalls;
}

describe("preflight", () => {
  it("checks and returns a snapshot of the request, read once", async () => {
    let reads = 0;
    const jarStep = { Jar: "command-runner.jar" } as { Jar: string; Args: string[] };
    Object.defineProperty(jarStep, "Args", {
      enumerable: true,
      get: () => (reads++ === 0 ? ["echo"] : ["x".repeat(20_000)]),
    });
    const request: AddJobFlowStepsInput = { JobFlowId: "j-1", Steps: [{ Name: "a", HadoopJarStep: jarStep }] };
    const result = await preflightWith(waitingCluster(), request, "us-east-1", newSubmission([], undefined));
    expect(reads).toBe(1);
    expect(result.request.Steps[0]!.HadoopJarStep.Args).toEqual(["echo"]);
    expect(result.request).not.toBe(request);
  });

  it("refuses with a PreflightError free of secrets, path included", async () => {
    const key = secret("preflight-S3cr3t-key");
    const request = { JobFlowId: "j-1", Steps: [{ Name: "a", HadoopJarStep: { Jar: "j", [key]: "x" } }] };
    const error = await preflightWith(
      waitingCluster(),
      request as AddJobFlowStepsInput,
      "us-east-1",
      newSubmission([], undefined),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect(error.message).toBe(
      'preflight refused the request:\n  Steps[0].HadoopJarStep["***"]: is not a member of HadoopJarStepConfig',
    );
    expect(JSON.stringify([error.message, error.stack, error.issues])).not.toContain("S3cr3t");
  });

  it("redacts issues it is given that were not redacted where they were made", () => {
    const password = secret("preflight-hunter2-S3cr3t");
    const issue: Issue = {
      code: "command-line-in-one-arg",
      severity: "warning",
      path: `Steps[0]["${password}"]`,
      message: `is mysql -p${password}`,
      suggestion: `mysql -p${password}`,
    };
    const error = new PreflightError([{ ...issue, severity: "error" } as unknown as Issue, issue]);
    expect(JSON.stringify([error.message, error.stack, error.issues])).not.toContain("S3cr3t");
    expect(error.issues[1]).toMatchObject({
      path: 'Steps[0]["***"]',
      message: "is mysql -p***",
      suggestion: "mysql -p***",
    });
    expect(validate({}).ok).toBe(false);
  });
});
