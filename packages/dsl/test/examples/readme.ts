/** The example at the top of the README, type-checked and run by readme.test.ts. */
import { EmrValidationError, formatIssues, jobFlow, secret, spark, step, validate } from "@emrkit/dsl";

const day = "2024-01-01";
const nightly = step("etl").onFailure("CONTINUE"); // a template: every verb returns a new builder

const request = jobFlow("j-2AXXXXXXGAPLF")
  .add(nightly.jar("s3://my-bucket/etl.jar").args("--day", day, "--password", secret("hunter2")))
  .add(
    spark("report")
      .deployMode("cluster")
      .conf("spark.executor.memory", "4g")
      .app("s3://my-bucket/report.py", "--day", day),
  )
  .executionRole("arn:aws:iam::123456789012:role/emr-steps")
  .build(); // checks everything that needs no cluster; throws EmrValidationError listing every issue

console.log(request.Steps[1]!.HadoopJarStep);
// { Jar: "command-runner.jar", Args: ["spark-submit", "--deploy-mode", "cluster", "--conf",
//   "spark.executor.memory=4g", "s3://my-bucket/report.py", "--day", "2024-01-01"] }

// Data from anywhere: validate never throws, and knows the cluster when told.
const result = validate({ JobFlowId: "j-1", Steps: [{ Name: "x", hadoop_jar_step: {} }] }, { clusterState: "WAITING" });
console.log(formatIssues(result.issues));
// ✖ Steps[0].HadoopJarStep: is required [required]
// ✖ Steps[0].hadoop_jar_step: is not a member of StepConfig; did you mean HadoopJarStep? [unknown-member]

try {
  step("broken").jar("s3://b/x.jar").monitoring({ logUri: "http://logs" }).build();
} catch (error) {
  if (error instanceof EmrValidationError) console.log(error.message);
}
