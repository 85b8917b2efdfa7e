/**
 * The daily ETL's steps for the tools that run pipelines elsewhere: a Step Functions state machine (one
 * `addStep.sync` task per step, in dependency order) and a CloudFormation template (one AWS::EMR::Step each).
 * `tsx --conditions=@emrkit/source examples/src/render-etl.ts j-CLUSTERID` prints both.
 */
import { toCloudFormation, toStepFunctions } from "@emrkit/dsl";
import { dailyEtl } from "./daily-etl.js";

export function renderEtl(clusterId: string, day: string) {
  const { steps } = dailyEtl("my-etl-bucket", day);
  return {
    stepFunctions: toStepFunctions(steps, { clusterId, comment: `Daily ETL for ${day}` }),
    cloudFormation: toCloudFormation(steps, { jobFlowId: clusterId }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    JSON.stringify(renderEtl(process.argv[2] ?? "j-EXAMPLE00000", new Date().toISOString().slice(0, 10)), null, 2),
  );
}
