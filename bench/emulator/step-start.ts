/**
 * How long a step waits between its turn coming (the step before it ended, by EMR's EndDateTime) and its process
 * running (the time `date +%s%N` prints), over 200 steps run one after another; and the same wait for a plain
 * spawn measured in the same run, half before and half after, so the ratio of the medians is what the emulator
 * adds to a bare spawn on this machine at this moment.
 */
import { readFileSync } from "node:fs";
import { AddJobFlowStepsCommand, EMRClient, ListStepsCommand, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { startEmulator } from "@emrkit/emulator";
import { plainSpawnWaits } from "./plain-spawn.js";

/** 200 steps one at a time, each printing the time its process ran; the wait is that time minus the end of the step before. */
export async function stepStartLatency(): Promise<void> {
  const plain = await plainSpawnWaits(100);
  const emulator = await startEmulator({ clusterStartupMs: 0 });
  const client = new EMRClient({
    endpoint: emulator.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({ Name: "latency", Instances: { KeepJobFlowAliveWhenNoSteps: true } }),
  );
  const steps = Array.from({ length: 200 }, (_, i) => ({
    Name: `t${i}`,
    ActionOnFailure: "CONTINUE" as const,
    HadoopJarStep: { Jar: "command-runner.jar", Args: ["date", "+%s%N"] },
  }));
  const { StepIds } = await client.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: steps }));
  const ended = new Map<string, number>();
  while (ended.size < StepIds!.length) {
    await new Promise((r) => setTimeout(r, 100));
    ended.clear();
    let Marker: string | undefined;
    do {
      const page = await client.send(new ListStepsCommand({ ClusterId: JobFlowId, Marker }));
      for (const s of page.Steps ?? []) {
        const end = s.Status?.Timeline?.EndDateTime;
        if (end) ended.set(s.Id!, end.getTime());
      }
      Marker = page.Marker;
    } while (Marker);
  }
  const waits = StepIds!.slice(1).map((id, i) => {
    const ranAt = Number(readFileSync(`${emulator.logRoot}/${JobFlowId}/steps/${id}/stdout`, "utf8")) / 1e6;
    return ranAt - ended.get(StepIds![i]!)!;
  });
  await emulator.close();
  plain.push(...(await plainSpawnWaits(100)));
  const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;
  const at = (q: number) => quantile(waits, q).toFixed(1);
  console.log(
    `step start: from the step before it ending to its process running, median ${at(0.5)} ms, p99 ${at(0.99)} ms over ${waits.length} steps (goal: under 10 ms)`,
  );
  const floor = quantile(plain, 0.5);
  console.log(
    `plain spawn: median ${floor.toFixed(1)} ms, p99 ${quantile(plain, 0.99).toFixed(1)} ms over ${plain.length}; step start ÷ plain spawn (medians) ${(quantile(waits, 0.5) / floor).toFixed(2)}×`,
  );
}
