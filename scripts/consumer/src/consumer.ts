/**
 * What a user of the published packages writes. The consumer test compiles it against the installed tarballs under
 * strict NodeNext and bundler resolution, then runs it: builders, validation, every output format, the emulator,
 * and run() against the emulator.
 */
import { strict as assert } from "node:assert";
import { EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { GENERATOR_VERSION } from "@emrkit/codegen";
import {
  type AddJobFlowStepsInput,
  command,
  EmrValidationError,
  formatIssues,
  jobFlow,
  spark,
  step,
  toCliSteps,
  toCloudFormation,
  toStepFunctions,
  validate,
  validateSteps,
} from "@emrkit/dsl";
import { validStep } from "@emrkit/dsl/testing";
import { startEmulator } from "@emrkit/emulator";
import { run } from "@emrkit/runtime";
import { loadSteps } from "emrkit";
import fc from "fast-check";

// The type-state survives publishing: a step without a jar does not build.
// @ts-expect-error build() is not callable before jar()
step("no-jar").build();

const request: AddJobFlowStepsInput = jobFlow("j-CONSUMER")
  .add(step("etl").jar("s3://bucket/etl.jar").args("--day", "2026-12-01"))
  .add(spark("report").deployMode("cluster").app("s3://bucket/report.py"))
  .build();
assert.equal(request.Steps.length, 2);
assert.deepEqual(request.Steps[1]?.HadoopJarStep.Args?.slice(0, 3), ["spark-submit", "--deploy-mode", "cluster"]);

const bad = validate({ JobFlowId: "j-1", Steps: [{ Name: "x", hadoop_jar_step: {} }] });
assert.equal(bad.ok, false);
assert.match(formatIssues(bad.issues), /did you mean HadoopJarStep\?/);
assert.throws(() => step("bad").jar("s3://b/x.jar").monitoring({ logUri: "http://logs" }).build(), EmrValidationError);

assert.equal(toCliSteps(request.Steps)[0]?.Name, "etl");
assert.ok(toStepFunctions(request.Steps, { clusterId: "j-CONSUMER" }).States.etl);
assert.equal(Object.keys(toCloudFormation(request.Steps, { jobFlowId: { Ref: "Cluster" } }).Resources).length, 2);

assert.equal(typeof GENERATOR_VERSION, "string");
assert.ok(fc.sample(validStep(), 20).every((s) => validateSteps([s]).ok));
assert.equal((await loadSteps(new URL("../steps.json", import.meta.url).pathname)).steps.length, 1);

const emulator = await startEmulator();
try {
  const client = new EMRClient({
    endpoint: emulator.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "consumer",
      ReleaseLabel: "emr-7.5.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    }),
  );
  assert.ok(JobFlowId);
  const steps = jobFlow(JobFlowId)
    .add(command("hello", [process.execPath, "-e", "console.log('hello')"]))
    .build();
  const result = await run(steps, { client, pollIntervalMs: 50 }).result;
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(
    result.steps.map((s) => s.state),
    ["COMPLETED"],
  );
} finally {
  await emulator.close();
}
console.log("consumer: builders, validate, formats, emulator and run() work from the installed packages");
