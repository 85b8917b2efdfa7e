/**
 * What each rule's issue says, word for word, for one request that breaks each rule: the message is what a user
 * reads, and it names the limit and the value that broke it; a warning's suggestion is what a fix would write.
 */
import { validate } from "@emrkit/dsl";
import { expect, it } from "vitest";

const request = {
  JobFlowId: "j-ABC123",
  Steps: [
    {
      Name: "load",
      ActionOnFailure: "TERMINATE_JOB_FLOW",
      HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit  --deploy-mode\tcluster", "", "x"] },
      StepMonitoringConfiguration: { S3MonitoringConfiguration: { LogUri: "s3://Legacy_Bucket/logs/" } },
    },
    { Name: "big", HadoopJarStep: { Jar: "s3://a/app.jar", Args: ["x".repeat(10_241)] } },
    { Name: "astral", HadoopJarStep: { Jar: "s3://a/app.jar", Args: ["😀".repeat(5_120)] } },
  ],
};

// Every part counted, in UTF-16 units and in code points (a property that is not an object counts nothing; a lone
// surrogate is one code point, and the character after it another): 14 + 6 + 10,240 + 3 + 5 = 10,268 units;
// 14 + 5 + 5,120 + 2 + 4 = 5,145 code points.
const everyPart = {
  JobFlowId: "j-ABC123",
  Steps: [
    {
      Name: "parts",
      HadoopJarStep: {
        Jar: "s3://a/app.jar",
        MainClass: "😀Main",
        Args: ["😀".repeat(5_120)],
        Properties: [null, "x", { Key: "k😀", Value: "v😀\ud800x" }],
      },
    },
  ],
};

it("hadoop-jar-step-too-long counts every part of the step, in both units, in its message", () => {
  const issue = validate(everyPart).issues.find((i) => i.code === "hadoop-jar-step-too-long");
  expect(issue?.message).toBe(
    "has 10268 UTF-16 units (5145 code points) in its jar, main class, arguments and properties, but at most 10240 are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)",
  );
});

it("each rule's message and suggestion", () => {
  const issues = validate(request, { stepConcurrencyLevel: 2 }).issues.map((issue) => ({
    code: issue.code,
    path: issue.path,
    message: issue.message,
    ...("suggestion" in issue ? { suggestion: issue.suggestion } : {}),
  }));
  expect(issues).toMatchInlineSnapshot(`
    [
      {
        "code": "legacy-s3-bucket-name",
        "message": "is "s3://Legacy_Bucket/logs/", whose bucket only S3's legacy rules allow (upper-case letters, underscores or more than 63 characters: us-east-1 buckets made before 1 March 2018); fine if that bucket exists, else use a lower-case name",
        "path": "Steps[0].StepMonitoringConfiguration.S3MonitoringConfiguration.LogUri",
      },
      {
        "code": "action-on-failure-with-concurrency",
        "message": "is TERMINATE_JOB_FLOW, which EMR refuses on a cluster with StepConcurrencyLevel 2 (above 1); use CONTINUE",
        "path": "Steps[0].ActionOnFailure",
      },
      {
        "code": "deprecated-action-on-failure",
        "message": "is TERMINATE_JOB_FLOW, which is deprecated; use TERMINATE_CLUSTER",
        "path": "Steps[0].ActionOnFailure",
        "suggestion": "TERMINATE_CLUSTER",
      },
      {
        "code": "steps-after-terminate",
        "message": "is TERMINATE_JOB_FLOW, but 2 more steps follow; if this step fails they never run",
        "path": "Steps[0].ActionOnFailure",
      },
      {
        "code": "empty-command-runner-arg",
        "message": "is an empty string, which command-runner.jar drops: the command receives one argument fewer",
        "path": "Steps[0].HadoopJarStep.Args[1]",
      },
      {
        "code": "command-line-in-one-arg",
        "message": "is "spark-submit  --deploy-mode\\tcluster", a whole command line in one argument, which EMR runs as one program name; pass each word as its own argument",
        "path": "Steps[0].HadoopJarStep.Args[0]",
        "suggestion": "spark-submit --deploy-mode cluster",
      },
      {
        "code": "hadoop-jar-step-too-long",
        "message": "has 10255 characters in its jar, main class, arguments and properties, but at most 10240 are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)",
        "path": "Steps[1].HadoopJarStep",
      },
      {
        "code": "hadoop-jar-step-too-long",
        "message": "has 10254 UTF-16 units (5134 code points) in its jar, main class, arguments and properties, but at most 10240 are allowed (MAX_HADOOP_JAR_STEP_CHARACTERS, counted in UTF-16 units)",
        "path": "Steps[2].HadoopJarStep",
      },
    ]
  `);
});
