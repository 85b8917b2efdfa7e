/**
 * The daily ETL: prepare the day's data, transform it, report on it. Each job is a script in S3 run by
 * script-runner.jar, so the same request runs on the local emulator and on an EMR cluster (with the scripts
 * uploaded to the bucket). What happens on failure is chosen per step: without data nothing else can run, so
 * `prepare` stops the queue and keeps the cluster for a look; a failed report is not worth stopping for.
 */
import { type BuiltPipeline, pipeline, script } from "@emrkit/dsl";

export const JOBS = ["prepare", "transform", "report"] as const;

export function dailyEtl(bucket: string, day: string): BuiltPipeline {
  const job = (name: (typeof JOBS)[number]) => script(name, `s3://${bucket}/jobs/${name}.mjs`, [bucket, day]);
  const prepare = job("prepare").onFailure("CANCEL_AND_WAIT");
  const transform = job("transform").onFailure("CANCEL_AND_WAIT");
  const report = job("report").onFailure("CONTINUE");
  return pipeline()
    .add(report, { after: [transform] })
    .add(transform, { after: [prepare] })
    .add(prepare)
    .build();
}
