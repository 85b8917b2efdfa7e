import { describe, expect, it } from "vitest";
import { TEST_KEYS as keys, sharedCluster, testCluster } from "../support/emulator.js";
import { cliStep, fixtures } from "../support/fixtures.js";
import { jsonOutput } from "../support/output-schema.js";
import { emrkit } from "../support/run-cli.js";

const { file } = fixtures();
const shared = sharedCluster();
const onCluster = (...args: string[]) => shared.submitArgs(...args);

describe.concurrent("emrkit submit --cluster: the standard AWS configuration", () => {
  it("takes the region from AWS_DEFAULT_REGION, which the JS SDK alone ignores", async () => {
    const steps = file("region.json", [cliStep("r", ["true"])]);
    const { AWS_REGION: _none, ...withoutRegion } = keys;
    const result = await emrkit([...onCluster(steps), "--json"], { ...withoutRegion, AWS_DEFAULT_REGION: "us-east-1" });
    expect(result.code, result.stderr).toBe(0);
    expect(jsonOutput(result.stdout).region).toBe("us-east-1");
  });

  it("--profile and AWS_PROFILE: region and credentials from the shared config files", async ({ onTestFinished }) => {
    const signed = await testCluster({ region: "eu-west-3", verifySignatures: true });
    onTestFinished(() => signed.emulator.close());
    const config = file("aws-config", "[profile emrkit-test]\nregion = eu-west-3\n");
    const credentials = file(
      "aws-credentials",
      "[emrkit-test]\naws_access_key_id = AKIDEMRKITTEST\naws_secret_access_key = emrkit-test-secret\n",
    );
    const steps = file("profile.json", [cliStep("p", ["true"])]);
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const args = [
      "submit",
      steps,
      "--cluster",
      signed.clusterId,
      "--endpoint",
      signed.endpoint,
      "--poll-interval",
      "0.1",
      "--json",
    ];
    const byOption = await emrkit([...args, "--profile", "emrkit-test"], env);
    expect(byOption.code, byOption.stderr).toBe(0);
    expect(jsonOutput(byOption.stdout)).toMatchObject({ ok: true, region: "eu-west-3" });
    const byEnv = await emrkit(args, { ...env, AWS_PROFILE: "emrkit-test" });
    expect(byEnv.code, byEnv.stderr).toBe(0);
    const misspelt = await emrkit([...args, "--profile", "emrkit-tset"], env);
    expect(misspelt.code).toBe(5);
    expect(jsonOutput(misspelt.stdout).error.message).toMatch(
      /^no profile emrkit-tset in .*aws-config or .*aws-credentials/,
    );
  });

  it("--profile: the endpoint the profile configures, its own or in its services section", async ({
    onTestFinished,
  }) => {
    const signed = await testCluster({ region: "eu-west-3", verifySignatures: true });
    onTestFinished(() => signed.emulator.close());
    const config = file(
      "aws-config-endpoints",
      [
        "[profile own-url]",
        "region = eu-west-3",
        `endpoint_url = ${signed.endpoint}`,
        "[profile by-service]",
        "region = eu-west-3",
        "services = local-emr",
        "[services local-emr]",
        "emr =",
        `  endpoint_url = ${signed.endpoint}`,
        "[profile missing-section]",
        "region = eu-west-3",
        "services = nowhere",
      ].join("\n"),
    );
    const keyLines = "aws_access_key_id = AKIDEMRKITTEST\naws_secret_access_key = emrkit-test-secret\n";
    const credentials = file(
      "aws-credentials-endpoints",
      ["own-url", "by-service", "missing-section"].map((name) => `[${name}]\n${keyLines}`).join(""),
    );
    const steps = file("endpoint-profile.json", [cliStep("e", ["true"])]);
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
    const args = ["submit", steps, "--cluster", signed.clusterId, "--poll-interval", "0.1", "--json"];
    for (const profile of ["own-url", "by-service"]) {
      const result = await emrkit([...args, "--profile", profile], env);
      expect(result.code, `${profile}: ${result.stderr}`).toBe(0);
      expect(jsonOutput(result.stdout)).toMatchObject({ ok: true, region: "eu-west-3" });
    }
    const missing = await emrkit([...args, "--profile", "missing-section"], env);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toMatch(/^emrkit: profile missing-section names services nowhere, which the shared config/m);
  });

  it("says what to set when the region or the credentials are missing (exit 5)", async () => {
    const steps = file("setup.json", [cliStep("x", ["true"])]);
    const noRegion = await emrkit(["submit", steps, "--cluster", "j-1"], {
      AWS_ACCESS_KEY_ID: "a",
      AWS_SECRET_ACCESS_KEY: "b",
    });
    expect(noRegion.code).toBe(5);
    expect(noRegion.stderr).toMatch(
      /^emrkit: no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set region in ~\/\.aws\/config/m,
    );
    const noKeys = await emrkit(["submit", steps, "--cluster", "j-1", "--region", "eu-west-1"]);
    expect(noKeys.code).toBe(5);
    expect(noKeys.stderr).toMatch(
      /^emrkit: no AWS credentials \(Could not load credentials from any providers\): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/m,
    );
  });

  it("an endpoint that cannot be reached fails within seconds, naming it (exit 5)", async () => {
    const steps = file("unreachable.json", [cliStep("x", ["true"])]);
    // What the CLI costs to start and stop on this machine now (it loads the SDK, then stops for want of a region,
    // before any network): the unreachable endpoint may cost a few seconds more, not the runtime's minutes of
    // retries. A bound on the difference holds on a loaded machine, where the start alone can take seconds.
    const { AWS_REGION: _none, ...withoutRegion } = keys;
    let started = Date.now();
    const baseline = await emrkit(["submit", steps, "--cluster", "j-1", "--json"], withoutRegion);
    const startCost = Date.now() - started;
    expect(baseline.code).toBe(5);
    started = Date.now();
    const result = await emrkit(
      ["submit", steps, "--cluster", "j-1", "--endpoint", "http://127.0.0.1:9", "--json"],
      keys,
    );
    expect(Date.now() - started - startCost).toBeLessThan(5000);
    expect(result.code).toBe(5);
    expect(jsonOutput(result.stdout).error).toMatchObject({ kind: "connection", endpoint: "http://127.0.0.1:9" });
    expect(result.stderr).toMatch(
      /^emrkit: cannot reach EMR at http:\/\/127\.0\.0\.1:9: connect ECONNREFUSED 127\.0\.0\.1:9$/m,
    );
  });
});

describe.concurrent("the AWS SDK's Node version warning", () => {
  const major = Number(process.versions.node.split(".")[0]);
  it(
    major < 22 ? "is one line, once, on a Node the SDK is dropping" : "is not printed on a Node the SDK supports",
    async () => {
      const steps = file("warning.json", [cliStep("w", ["true"])]);
      const result = await emrkit(["submit", steps, "--local"]);
      expect(result.stderr).not.toContain("NodeVersionSupportWarning");
      const notes = result.stderr.split("\n").filter((line) => line.includes("AWS SDK releases"));
      expect(notes).toEqual(
        major < 22
          ? [
              `emrkit: note: Node ${process.version} — AWS SDK releases after the first week of January 2027 need Node >=22`,
            ]
          : [],
      );
      expect((await emrkit(["validate", steps])).stderr).toBe("");
    },
  );
});
