import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "./support/built-cli.js";
import { cliStep, fixtures } from "./support/fixtures.js";
import { jsonOutput } from "./support/output-schema.js";
import { emrkit } from "./support/run-cli.js";

const { file, dir } = fixtures();
beforeAll(() => builtCli());

describe.concurrent("emrkit validate", () => {
  it("refuses a misspelt key of an AWS CLI steps file, as the AWS CLI does, with the place in the file", async () => {
    const typo = file(
      "typo.json",
      '[\n  {\n    "Type": "Spark",\n    "Name": "s",\n    "ActionOnfailure": "TERMINATE_CLUSTER",\n    "Args": ["s3://b/x.py"]\n  }\n]\n',
    );
    const result = await emrkit(["validate", typo]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(
      `${typo}: 1 step, 1 error, 0 warnings\n  ${typo}:5:5: ✖ [0].ActionOnfailure: is not a parameter of a --steps entry (Unknown parameter in [0]: "ActionOnfailure"); did you mean ActionOnFailure? [unknown-member]\n`,
    );
    const json = jsonOutput((await emrkit(["validate", typo, "--json"])).stdout);
    expect(json.files[0].issues[0]).toMatchObject({
      path: "[0].ActionOnfailure",
      suggestion: "ActionOnFailure",
      line: 5,
      column: 5,
    });
  });

  it("points a CLI file's issues into the file as written: [0].Args[1], not the converted request's Args[2]", async () => {
    const spark = file("spark.json", [{ Type: "Spark", Name: "s", Args: ["s3://b/app.py", ""] }]);
    const json = jsonOutput((await emrkit(["validate", spark, "--json"])).stdout);
    expect(json.files[0].issues).toEqual([
      expect.objectContaining({ code: "empty-command-runner-arg", path: "[0].Args[1]", line: 7, column: 7 }),
    ]);
    expect(json.ok).toBe(true);
  });

  it("checks every file given, a bad one in the middle included, and exits 3", async () => {
    const a = file("a.json", [cliStep("a", ["true"])]);
    const bad = file("bad.json", '[\n  {"Type": "Spark",\n');
    const c = file("c.json", { Steps: [{ Name: "c", HadoopJarStep: { Jar: "x.jar" }, Oops: 1 }] });
    const result = await emrkit(["validate", a, bad, c]);
    expect(result.code).toBe(3);
    expect(result.stdout.split("\n")).toEqual([
      `${a}: 1 step in 1 request, 0 errors, 0 warnings`,
      `${bad}:3:1: not JSON: expected a member name in double quotes, found the end of the file`,
      `${c}: 1 step, 1 error, 0 warnings`,
      `  ${c}:8:7: ✖ Steps[0].Oops: is not a member of StepConfig [unknown-member]`,
      "3 files checked: 2 with errors",
      "",
    ]);
    const json = jsonOutput((await emrkit(["validate", a, bad, c, "--json"])).stdout);
    expect(json.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, false, false]);
    expect(json.files[1].error).toMatchObject({ kind: "file", file: bad, line: 3, column: 1 });
  });

  it("names the file and what is wrong with it: missing, a directory", async () => {
    const result = await emrkit(["validate", `${dir}/missing.json`, dir]);
    expect(result.stdout).toContain(`${dir}/missing.json: no such file\n${dir}: is a directory, not a steps file\n`);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("");
  });

  it("counts the steps of an API file that has errors, and says one step, not 1 steps", async () => {
    const api = file("api.json", {
      JobFlowId: "j-1",
      Steps: [
        { Name: "a", HadoopJarStep: { Jar: "x.jar" } },
        { Name: "b", HadoopJarStep: {} },
      ],
    });
    expect((await emrkit(["validate", api])).stdout).toMatch(/^\S+api\.json: 2 steps, 1 error, 0 warnings\n/);
  });

  it("takes any number of steps and says how many AddJobFlowSteps requests they need", async () => {
    const many = file(
      "many.json",
      Array.from({ length: 600 }, (_, i) => cliStep(`s${i}`, ["true"])),
    );
    const result = await emrkit(["validate", many]);
    expect(result.stdout).toBe(`${many}: 600 steps in 3 requests, 0 errors, 0 warnings\n`);
    expect(result.code).toBe(0);
  });
});
