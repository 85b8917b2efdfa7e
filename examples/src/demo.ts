/**
 * `pnpm demo`: the daily ETL on the embedded emulator. Starts the emulator in this process, uploads the jobs to
 * its local S3 endpoint, creates a cluster, runs the pipeline with @emrkit/runtime showing each step's progress,
 * reads the report back and checks it and its gzipped archive (written by s3-dist-cp, built into the emulator), and
 * says where the output and logs are. The jobs read and write S3 with the AWS SDK, as they would on a cluster: each
 * step's environment points the SDK at the local endpoint. Exits 0 only if every step completed and the report is
 * right.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { EMRClient, RunJobFlowCommand, TerminateJobFlowsCommand } from "@aws-sdk/client-emr";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { jobFlow } from "@emrkit/dsl";
import { startEmulator } from "@emrkit/emulator";
import { run } from "@emrkit/runtime";
import { dailyEtl, JOBS } from "./daily-etl.js";

const BUCKET = "emrkit-demo";
const DAY = "2026-11-24";
const EXPECTED_REPORT = `Sales on ${DAY}\nap-south-1\t235\neu-west-1\t245\nus-east-1\t265\n`;

// The jobs need the AWS SDK for JavaScript, which a cluster would get from a bootstrap action: here, this package's own.
const sdkModules = fileURLToPath(new URL("../node_modules", import.meta.url));
const emulator = await startEmulator({ stepEnvironment: { set: { NODE_PATH: sdkModules } } });
console.log(`emulator: ${emulator.endpoint}, S3 ${emulator.s3Endpoint} (data in ${emulator.dataDir})`);
try {
  // Local credentials: the emulator does not check them unless started with signature verification.
  const local = {
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  };
  const s3 = new S3Client({ ...local, endpoint: emulator.s3Endpoint, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const name of JOBS) {
    const Body = readFileSync(new URL(`../jobs/${name}.cjs`, import.meta.url));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `jobs/${name}.cjs`, Body }));
  }
  const client = new EMRClient({ ...local, endpoint: emulator.endpoint });
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "daily-etl",
      ReleaseLabel: "emr-7.5.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    }),
  );
  const etl = dailyEtl(BUCKET, DAY);
  const request = jobFlow(JobFlowId!)
    .add(...etl.steps)
    .build();
  console.log(`cluster ${JobFlowId}: submitting ${request.Steps.length} steps`);

  const job = run(request, { client, pollIntervalMs: 50, maxPollIntervalMs: 200, dependencies: etl.after });
  for await (const event of job) {
    if (event.type === "step") console.log(`  ${event.step.name.padEnd(10)} ${event.previous ?? "-"} → ${event.state}`);
  }
  const result = await job.result;
  await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [JobFlowId!] }));

  console.log("\nstep        state       id");
  for (const step of result.steps) console.log(`${step.name.padEnd(11)} ${step.state.padEnd(11)} ${step.stepId}`);
  for (const step of result.steps.filter((s) => s.failure)) {
    console.log(`\n${step.name} failed: ${step.failure?.probableCause?.summary ?? step.failure?.message ?? "unknown"}`);
  }
  const report = result.ok
    ? await (
        await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `reports/${DAY}.txt` }))
      ).Body!.transformToString()
    : "";
  const archiveFile = join(emulator.s3Root, BUCKET, "archive", DAY, `${DAY}.txt.gz`);
  const archived = result.ok ? gunzipSync(readFileSync(archiveFile)).toString() : "";
  console.log(`\noutput: ${join(emulator.s3Root, BUCKET)}\nlogs:   ${join(emulator.logRoot, JobFlowId!, "steps")}`);
  if (report !== EXPECTED_REPORT || archived !== report) {
    const wrong =
      report !== EXPECTED_REPORT ? `the report is wrong:\n${report}` : `the archive is not the report:\n${archived}`;
    console.error(result.ok ? wrong : "not every step completed");
    process.exitCode = 1;
  } else {
    console.log(`\n${report}\narchived by s3-dist-cp: ${archiveFile}`);
  }
} finally {
  await emulator.close();
}
