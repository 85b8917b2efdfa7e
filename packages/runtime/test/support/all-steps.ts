import { type EMRClient, ListStepsCommand, type StepSummary } from "@aws-sdk/client-emr";

/** Every step of a cluster, oldest first, read straight from the server (not through the runtime). */
export async function allSteps(client: EMRClient, clusterId: string): Promise<StepSummary[]> {
  const steps: StepSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new ListStepsCommand({ ClusterId: clusterId, Marker: marker }));
    steps.push(...(page.Steps ?? []));
    marker = page.Marker;
  } while (marker !== undefined);
  return steps.reverse();
}
