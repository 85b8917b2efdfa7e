import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "./support/built-cli.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { jsonOutput } from "./support/output-schema.js";
import { emrkit } from "./support/run-cli.js";

const { file } = fixtures();
beforeAll(() => builtCli());

const ROLE = "arn:aws:iam::123456789012:role/emr-steps";
const step = {
  Name: "etl",
  ActionOnFailure: "CANCEL_AND_WAIT",
  HadoopJarStep: {
    Jar: "s3://b/etl.jar",
    MainClass: "Main",
    Args: ["--day", "1"],
    Properties: [{ Key: "k", Value: "v" }],
  },
};

describe.concurrent("emrkit render", () => {
  it("--format api keeps the file's cluster id, runtime role and every step field", async () => {
    const request = file("request.json", { JobFlowId: "j-FILE", ExecutionRoleArn: ROLE, Steps: [step] });
    const result = await emrkit(["render", request, "--format", "api"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ JobFlowId: "j-FILE", ExecutionRoleArn: ROLE, Steps: [step] });
    const moved = JSON.parse((await emrkit(["render", request, "--cluster", "j-OTHER"])).stdout);
    expect(moved.JobFlowId).toBe("j-OTHER");
  });

  it("invents no cluster id: the API output has none, CloudFormation takes a parameter, Step Functions the input's", async () => {
    const steps = file("steps.json", [step]);
    expect(JSON.parse((await emrkit(["render", steps])).stdout)).toEqual({ Steps: [step] });
    const cfn = JSON.parse((await emrkit(["render", steps, "--format", "cloudformation"])).stdout);
    expect(cfn.Parameters.ClusterId.Type).toBe("String");
    expect(cfn.Resources.EmrStep1.Properties.JobFlowId).toEqual({ Ref: "ClusterId" });
    const sfn = JSON.parse((await emrkit(["render", steps, "--format", "step-functions"])).stdout);
    expect(sfn.States.etl.Parameters).toEqual({ "ClusterId.$": "$.ClusterId", Step: step });
  });

  it("--format step-functions keeps the role; --format cli says how the cluster and role go to aws emr add-steps", async () => {
    const request = file("role.json", { JobFlowId: "j-FILE", ExecutionRoleArn: ROLE, Steps: [step] });
    const sfn = JSON.parse((await emrkit(["render", request, "--format", "step-functions"])).stdout);
    expect(sfn.States.etl.Parameters).toEqual({ ClusterId: "j-FILE", Step: step, ExecutionRoleArn: ROLE });
    const cli = await emrkit(["render", request, "--format", "cli"]);
    expect(JSON.parse(cli.stdout)[0]).toMatchObject({ Name: "etl", MainClass: "Main", Properties: "k=v" });
    expect(cli.stderr).toBe(
      `with: aws emr add-steps --cluster-id j-FILE --execution-role-arn ${ROLE} --steps file://<this output>\n`,
    );
    const json = jsonOutput((await emrkit(["render", request, "--format", "cli", "--json"])).stdout);
    expect(json).toMatchObject({ format: "cli", clusterId: "j-FILE", executionRoleArn: ROLE });
  });

  it("refuses, exit 3, what CloudFormation cannot hold: a runtime role, ActionOnFailure TERMINATE_CLUSTER", async () => {
    const request = file("cfn-role.json", { JobFlowId: "j-1", ExecutionRoleArn: ROLE, Steps: [step] });
    const role = await emrkit(["render", request, "--format", "cloudformation"]);
    expect(role.code).toBe(3);
    expect(role.stdout).toBe("");
    expect(role.stderr).toMatch(
      /^emrkit: --format cloudformation cannot express ExecutionRoleArn .*AWS::EMR::Step has no runtime role/,
    );
    const terminate = file("terminate.json", [cliStep("t", ["true"], { ActionOnFailure: "TERMINATE_CLUSTER" })]);
    const refused = await emrkit(["render", terminate, "--format", "cloudformation", "--json"]);
    expect(refused.code).toBe(3);
    const json = jsonOutput(refused.stdout);
    expect(json.error.kind).toBe("cannot-express");
    expect(json.error.message).toMatch(
      /\[0\]\.ActionOnFailure is TERMINATE_CLUSTER, which AWS::EMR::Step does not take/,
    );
  });

  it("keeps a CLI file's ActionOnFailure: a misspelt key is refused, never rendered as CONTINUE", async () => {
    const typo = file("typo.json", [
      { Type: "Spark", Name: "s", ActionOnfailure: "TERMINATE_CLUSTER", Args: ["s3://b/x.py"] },
    ]);
    const result = await emrkit(["render", typo, "--json"]);
    expect(result.code).toBe(3);
    expect(jsonOutput(result.stdout).error).toMatchObject({
      kind: "invalid-input",
      issues: [expect.objectContaining({ path: "[0].ActionOnfailure", line: 5, column: 5 })],
    });
    const fine = file("fine.json", [
      { Type: "Spark", Name: "s", ActionOnFailure: "TERMINATE_CLUSTER", Args: ["s3://b/x.py"] },
    ]);
    expect(JSON.parse((await emrkit(["render", fine])).stdout).Steps[0].ActionOnFailure).toBe("TERMINATE_CLUSTER");
  });

  it("keeps a pipeline's dependencies in step-functions, and refuses the formats that would lose them", async ({
    onTestFinished,
  }) => {
    // Inside the package, so that the module imports @emrkit/dsl as a user's module would.
    const modules = mkdtempSync(join(new URL(".", import.meta.url).pathname, ".tmp-render-"));
    onTestFinished(() => rmSync(modules, { recursive: true, force: true }));
    const module = join(modules, "pipeline.mjs");
    writeFileSync(
      module,
      `import { command, pipeline } from "@emrkit/dsl";
const extract = command("extract", ["true"]).onFailure("CONTINUE");
export default pipeline().add(extract).add(command("load", ["true"]).onFailure("CONTINUE"), { after: [extract] }).build();
`,
    );
    const sfn = JSON.parse((await emrkit(["render", module, "--format", "step-functions"])).stdout);
    expect(sfn.StartAt).toBe("extract");
    expect(sfn.States.extract.Next).toBe("load");
    const api = await emrkit(["render", module, "--format", "api"]);
    expect(api.code).toBe(3);
    expect(api.stderr).toMatch(
      /^emrkit: --format api cannot express the pipeline's dependencies \(load after extract\)/,
    );
  });
});
