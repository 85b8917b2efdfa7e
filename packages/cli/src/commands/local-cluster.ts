import { type EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";

/** The cluster `submit --local` runs on: kept alive between steps, as a cluster steps are added to is. */
export async function localCluster(client: EMRClient, stepConcurrencyLevel: number): Promise<string> {
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "emrkit-local",
      ReleaseLabel: "emr-7.5.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
      StepConcurrencyLevel: stepConcurrencyLevel,
    }),
  );
  return JobFlowId!;
}
