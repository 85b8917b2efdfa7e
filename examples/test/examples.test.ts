import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fromCloudFormation, fromStepFunctions } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";
import { dailyEtl } from "../src/daily-etl.js";
import { renderEtl } from "../src/render-etl.js";

const root = new URL("../..", import.meta.url).pathname;

describe("examples", () => {
  it("the daily ETL runs prepare, transform, report, archive in dependency order, with ActionOnFailure per step", () => {
    const { steps, after } = dailyEtl("b", "2026-11-24");
    expect(steps.map((s) => [s.Name, s.ActionOnFailure])).toEqual([
      ["prepare", "CANCEL_AND_WAIT"],
      ["transform", "CANCEL_AND_WAIT"],
      ["report", "CONTINUE"],
      ["archive", "CONTINUE"],
    ]);
    expect(after).toEqual({ prepare: [], transform: ["prepare"], report: ["transform"], archive: ["report"] });
  });

  it("renders the same steps for Step Functions and CloudFormation, and both read back to them", () => {
    const { steps } = dailyEtl("my-etl-bucket", "2026-11-24");
    const { stepFunctions, cloudFormation } = renderEtl("j-EXAMPLE00000", "2026-11-24");
    expect(fromStepFunctions(stepFunctions)).toEqual(steps);
    expect(fromCloudFormation(cloudFormation)).toEqual(steps);
  });

  it("pnpm demo runs the daily ETL on the emulator, exits 0 and prints the report", async () => {
    const tsx = `${root}node_modules/.bin/tsx`;
    const { stdout } = await promisify(execFile)(tsx, ["--conditions=@emrkit/source", "examples/src/demo.ts"], {
      cwd: root,
    });
    expect(stdout).toContain("report      COMPLETED");
    expect(stdout).toContain("Sales on 2026-11-24\nap-south-1\t235");
    expect(stdout).toContain("archive     COMPLETED");
    expect(stdout).toMatch(/archived by s3-dist-cp: .*archive\/2026-11-24\/2026-11-24\.txt\.gz/);
  }, 30_000);
});

describe("backfill from templates", () => {
  it("derives one nightly and one compact step per day, and leaves the templates unchanged", async () => {
    const { backfill } = await import("../src/backfill.js");
    const request = backfill("j-EXAMPLE00000", "2026-11-01", "2026-11-03");
    expect(request.Steps.map((s) => s.Name)).toEqual([
      "nightly 2026-11-01",
      "compact 2026-11-01",
      "nightly 2026-11-02",
      "compact 2026-11-02",
      "nightly 2026-11-03",
      "compact 2026-11-03",
    ]);
    expect(request.Steps[2]!.HadoopJarStep.Args).toEqual([
      "spark-submit",
      "--deploy-mode",
      "cluster",
      "s3://my-etl-bucket/jobs/nightly.py",
      "--day",
      "2026-11-02",
    ]);
    expect(backfill("j-EXAMPLE00000", "2026-11-01", "2026-11-01").Steps[0]!.HadoopJarStep.Args).toHaveLength(6);
  });
});
