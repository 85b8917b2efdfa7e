import { type EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";

/** A cluster on the emulator that stays up between steps, running `concurrency` steps at once. */
export async function newCluster(client: EMRClient, concurrency: number): Promise<string> {
  const out = await client.send(
    new RunJobFlowCommand({
      Name: "bench",
      ReleaseLabel: "emr-7.1.0",
      Instances: { InstanceCount: 1, MasterInstanceType: "m5.xlarge", KeepJobFlowAliveWhenNoSteps: true },
      JobFlowRole: "EMR_EC2_DefaultRole",
      ServiceRole: "EMR_DefaultRole",
      StepConcurrencyLevel: concurrency,
    }),
  );
  return out.JobFlowId ?? "";
}
