/**
 * The daily ETL: prepare the day's data, transform it, report on it, archive the report. Each job is a script in
 * S3 run by script-runner.jar, and the archive is EMR's own s3-dist-cp (gzipped on the way), so the same request
 * runs on the local emulator and on an EMR cluster (with the scripts uploaded to the bucket). What happens on
 * failure is chosen per step: without data nothing else can run, so `prepare` stops the queue and keeps the
 * cluster for a look; a failed report or archive is not worth stopping for.
 */
import { type BuiltPipeline, command, pipeline, script } from "@emrkit/dsl";

export const JOBS = ["prepare", "transform", "report"] as const;

export function dailyEtl(bucket: string, day: string): BuiltPipeline {
  const job = (name: (typeof JOBS)[number]) => script(name, `s3://${bucket}/jobs/${name}.cjs`, [bucket, day]);
  const prepare = job("prepare").onFailure("CANCEL_AND_WAIT");
  const transform = job("transform").onFailure("CANCEL_AND_WAIT");
  const report = job("report").onFailure("CONTINUE");
  const archive = command("archive", [
    "s3-dist-cp",
    `--src=s3://${bucket}/reports/`,
    `--dest=s3://${bucket}/archive/${day}/`,
    `--srcPattern=.*/${day}\\.txt`,
    "--outputCodec=gzip",
  ]).onFailure("CONTINUE");
  return pipeline()
    .add(archive, { after: [report] })
    .add(report, { after: [transform] })
    .add(transform, { after: [prepare] })
    .add(prepare)
    .build();
}
