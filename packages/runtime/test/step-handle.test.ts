import { run } from "@emrkit/runtime";
import { describe, expect, it } from "vitest";
import { command, emulatorPerTest, fast } from "./support/emulator.js";

const open = emulatorPerTest();

describe("a step's log prefix", () => {
  it("is under the step's own LogUri when it has one, else under the cluster's (API ref, StepMonitoringConfiguration)", async () => {
    const opened = await open();
    const JobFlowId = await opened.cluster({ logUri: "s3://cluster-logs/emr/" });
    const own = {
      ...command("own", "true"),
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://step-logs/etl" } },
    };
    // Only a key to encrypt with: EMR falls back to the cluster's logging for the fields left out.
    const keyOnly = {
      ...command("key-only", "true"),
      StepMonitoringConfiguration: {
        S3MonitoringConfiguration: { EncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abcd" },
      },
    };
    const result = await run(
      { JobFlowId, Steps: [own, command("cluster's", "true"), keyOnly] },
      { client: opened.client, ...fast },
    ).result;
    expect(result.steps.map((s) => s.logPrefix)).toEqual(
      result.steps.map((s, i) =>
        i === 0
          ? `s3://step-logs/etl/${JobFlowId}/steps/${s.stepId}/`
          : `s3://cluster-logs/emr/${JobFlowId}/steps/${s.stepId}/`,
      ),
    );
  });
});
