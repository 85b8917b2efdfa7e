/** Helpers for the programs' tests: run steps on an emulator over HTTP with @aws-sdk/client-emr, read their logs. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AddJobFlowStepsCommand, DescribeStepCommand, type EMRClient, type StepConfig } from "@aws-sdk/client-emr";
import type { EmulatorHandle } from "../../src/index.js";
import { cluster, settled } from "../support.js";

/** Writes a file (and its folders). */
export function put(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Runs the steps on a new cluster until they end; their states, FailureDetails and log folders, in order. */
export async function runSteps(emu: EmulatorHandle, client: EMRClient, steps: StepConfig[]) {
  const id = await cluster(client);
  const { StepIds } = await client.send(new AddJobFlowStepsCommand({ JobFlowId: id, Steps: steps }));
  await settled(client, id);
  return Promise.all(
    StepIds!.map(async (StepId) => {
      const { Step } = await client.send(new DescribeStepCommand({ ClusterId: id, StepId }));
      const logs = join(emu.logRoot, id, "steps", StepId);
      const read = (name: string) => {
        try {
          return readFileSync(join(logs, name), "utf8");
        } catch {
          return "";
        }
      };
      return {
        clusterId: id,
        state: Step!.Status!.State,
        failure: Step!.Status!.FailureDetails,
        stdout: read("stdout"),
        stderr: read("stderr"),
        controller: read("controller"),
        /** hdfs:///path of the step's cluster, on this machine. */
        hdfs: (path: string) => join(emu.dataDir, "hdfs", id, path),
      };
    }),
  );
}

export const commandStep = (name: string, args: string[]): StepConfig => ({
  Name: name,
  ActionOnFailure: "CONTINUE",
  HadoopJarStep: { Jar: "command-runner.jar", Args: args },
});
