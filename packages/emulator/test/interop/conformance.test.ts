/**
 * Conformance with the clients users run, unchanged but for --endpoint-url and each signing with its own SigV4
 * while the emulator checks signatures: boto3 (boto3_conformance.py, one JSON object of what it saw) and the AWS
 * CLI's own EMR commands (describe-cluster, which also calls ListInstanceGroups and ListBootstrapActions;
 * list-instances; add-tags; modify-cluster-attributes; terminate-clusters; ssh). Our own tests, written for this
 * emulator; skipped, loudly, on a machine without python3 and boto3 or the AWS CLI.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { started } from "../support.js";
import { tempDir } from "../temp-dir.js";
import { clientEnv, HAS_AWS_CLI, HAS_BOTO3, warnIfMissing } from "./clients.js";

const run$ = promisify(execFile);
const LOCAL = { accessKeyId: "AKIDEMRKITCONFORMANCE", secretAccessKey: "conformance-secret" };
const boto3 = HAS_BOTO3;
const awsCli = HAS_AWS_CLI;
warnIfMissing("conformance tests");
const env = (region = "us-east-1") => clientEnv(LOCAL, region);

type Seen = Record<string, Record<string, unknown>>;

describe.skipIf(!boto3)("boto3", () => {
  let seen: Seen;
  beforeAll(async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const script = new URL("./boto3_conformance.py", import.meta.url).pathname;
    const { stdout } = await run$("python3", [script, emu.endpoint], { env: env() });
    seen = JSON.parse(stdout) as Seen;
    await emu.close();
  }, 120_000);

  const check = (name: string) => {
    const result = seen[name]!;
    expect(result.error, String(result.trace ?? "")).toBeUndefined();
    return result;
  };

  it("signs for any region EMR is in; a signature scoped to mars-1 is refused as AWS refuses it", () => {
    expect(check("signatures")).toEqual({
      mars: {
        code: "InvalidSignatureException",
        message: "Credential should be scoped to a valid region, not 'mars-1'.",
        errorCode: null,
      },
      euWest1: true,
    });
  });

  it("describe_cluster gives back what run_job_flow was given, and what EMR derives", () => {
    const c = check("describe_cluster");
    expect(c).toMatchObject({
      Name: "conformance",
      ReleaseLabel: "emr-7.1.0",
      Applications: [{ Name: "Spark", Version: "3.5.0" }],
      Configurations: [{ Classification: "spark-defaults", Properties: { "spark.executor.memory": "2g" } }],
      Tags: [{ Key: "team", Value: "data" }],
      ServiceRole: "EMR_DefaultRole",
      SecurityConfiguration: "at-rest",
      CustomAmiId: "ami-0123456789abcdef0",
      EbsRootVolumeSize: 20,
      AutoTerminate: false,
      TerminationProtected: false,
      VisibleToAllUsers: true,
      MasterPublicDnsName: "no-ssh-on-the-emrkit-emulator.invalid",
      NormalizedInstanceHours: 8 + 2 * 16,
      ClusterArn: `arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/${c.Id}`,
      InstanceCollectionType: "INSTANCE_GROUP",
      Ec2InstanceAttributes: {
        Ec2KeyName: "my-key",
        Ec2SubnetId: "subnet-1",
        IamInstanceProfile: "EMR_EC2_DefaultRole",
      },
      State: "WAITING",
    });
  });

  it("list_instance_groups, the list_instances paginator, list_bootstrap_actions, add and modify instance groups", () => {
    expect(check("instances")).toMatchObject({
      groups: [
        ["Primary", "MASTER", "m5.xlarge", 1],
        ["Core", "CORE", "m5.2xlarge", 2],
      ],
      instances: [
        ["127.0.0.1", "m5.xlarge", "RUNNING"],
        ["127.1.0.1", "m5.2xlarge", "RUNNING"],
        ["127.1.0.2", "m5.2xlarge", "RUNNING"],
      ],
      core: 2,
      bootstrap: [{ Name: "setup", ScriptPath: "s3://boot/setup.sh", Args: ["-v"] }],
      afterResize: [
        ["Primary", 1],
        ["Core", 2],
        ["Task", 4],
      ],
      fleetsRefused: { code: "InvalidRequestException" },
    });
  });

  it("list_instance_fleets, and list_instance_groups refused for a fleet cluster with EMR's ErrorCode", () => {
    expect(check("fleets")).toEqual({
      fleets: [
        ["MASTER", 1, 0],
        ["CORE", 0, 2],
      ],
      groupsRefused: expect.objectContaining({
        code: "InvalidRequestException",
        errorCode: "API_DOES_NOT_SUPPORT_INSTANCE_FLEET_CLUSTERS",
      }),
    });
  });

  it("add_tags, remove_tags, set_visible_to_all_users, set_termination_protection and the refused terminate", () => {
    expect(check("tags_and_settings")).toEqual({
      tags: [{ Key: "team", Value: "platform" }],
      visible: false,
      protected: true,
      terminateRefused: {
        code: "ValidationException",
        message: "Could not shut down one or more job flows since they are termination protected.",
        errorCode: null,
      },
      ended: ["TERMINATED", "USER_REQUEST"],
    });
  });

  it("a step without ActionOnFailure is CONTINUE; the cluster ends ALL_STEPS_COMPLETED; describe_job_flows", () => {
    expect(check("steps_and_job_flows")).toEqual({
      actionOnFailure: "CONTINUE",
      stepState: "COMPLETED",
      reason: { Code: "ALL_STEPS_COMPLETED", Message: "Steps completed" },
      jobFlow: ["COMPLETED", "m5.xlarge", ["bare"]],
    });
  });

  it("clusters are their region's: eu-west-1's not in us-east-1's list_clusters; CreatedAfter/Before; ARN", () => {
    const r = check("regions_and_listing");
    expect(r).toMatchObject({
      eu: true,
      usHasNotEu: true,
      createdAfter: true,
      createdBefore: true,
      summaryArn: `arn:aws:elasticmapreduce:eu-west-1:000000000000:cluster/${r.id}`,
      summaryHours: expect.any(Number),
      describeFromUs: { code: "InvalidRequestException", errorCode: "NoSuchCluster" },
    });
  });

  it("list_release_labels and describe_release_label", () => {
    expect(check("release_labels")).toEqual({ labels: ["emr-7.0.0"], spark: [{ Name: "spark", Version: "3.5.0" }] });
  });
});

describe.skipIf(!awsCli)("the AWS CLI's EMR commands", () => {
  const aws = async (endpoint: string, args: string[], region = "us-east-1") => {
    const { stdout } = await run$("aws", ["--endpoint-url", endpoint, "--output", "json", "emr", ...args], {
      env: env(region),
    });
    return stdout.trim() === "" ? {} : JSON.parse(stdout);
  };
  const createCluster = (endpoint: string) =>
    aws(endpoint, [
      "create-cluster",
      "--name",
      "cli",
      "--release-label",
      "emr-7.1.0",
      "--applications",
      "Name=Spark",
      "--instance-type",
      "m5.xlarge",
      "--instance-count",
      "3",
      "--bootstrap-actions",
      "Path=s3://boot/setup.sh,Args=[--fast],Name=setup",
      "--ec2-attributes",
      "KeyName=my-key",
      "--no-auto-terminate",
    ]);

  it("create-cluster, then describe-cluster with its instance groups and bootstrap actions, and list-instances", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const { ClusterId } = await createCluster(emu.endpoint);
    const { Cluster } = await aws(emu.endpoint, ["describe-cluster", "--cluster-id", ClusterId]);
    expect(Cluster).toMatchObject({
      Id: ClusterId,
      Applications: [{ Name: "Spark", Version: "3.5.0" }],
      AutoTerminate: false,
      Ec2InstanceAttributes: { Ec2KeyName: "my-key" },
      BootstrapActions: [{ Name: "setup", ScriptPath: "s3://boot/setup.sh", Args: ["--fast"] }],
      MasterPublicDnsName: "no-ssh-on-the-emrkit-emulator.invalid",
    });
    expect(
      Cluster.InstanceGroups.map((g: { InstanceGroupType: string; RequestedInstanceCount: number }) => [
        g.InstanceGroupType,
        g.RequestedInstanceCount,
      ]),
    ).toEqual([
      ["MASTER", 1],
      ["CORE", 2],
    ]);
    const { Instances } = await aws(emu.endpoint, [
      "list-instances",
      "--cluster-id",
      ClusterId,
      "--instance-group-types",
      "CORE",
    ]);
    expect(Instances).toHaveLength(2);
  }, 60_000);

  it("add-tags, modify-cluster-attributes --termination-protected, terminate-clusters refused, list-clusters by region", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const { ClusterId } = await createCluster(emu.endpoint);
    await aws(emu.endpoint, ["add-tags", "--resource-id", ClusterId, "--tags", "team=data", "cost=1"]);
    await aws(emu.endpoint, ["remove-tags", "--resource-id", ClusterId, "--tag-keys", "cost"]);
    await aws(emu.endpoint, ["modify-cluster-attributes", "--cluster-id", ClusterId, "--termination-protected"]);
    const { Cluster } = await aws(emu.endpoint, ["describe-cluster", "--cluster-id", ClusterId]);
    expect(Cluster).toMatchObject({ Tags: [{ Key: "team", Value: "data" }], TerminationProtected: true });
    await expect(aws(emu.endpoint, ["terminate-clusters", "--cluster-ids", ClusterId])).rejects.toMatchObject({
      stderr: expect.stringMatching(/ValidationException.*termination protected/),
    });
    expect((await aws(emu.endpoint, ["list-clusters"], "eu-west-1")).Clusters).toEqual([]);
    const listed = await aws(emu.endpoint, ["list-clusters", "--created-after", "2020-01-01T00:00:00"]);
    expect(listed.Clusters.map((c: { Id: string }) => c.Id)).toEqual([ClusterId]);
  }, 60_000);

  it("is refused when it signs for a region that does not exist", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    await expect(aws(emu.endpoint, ["list-clusters"], "mars-1")).rejects.toMatchObject({
      stderr: expect.stringMatching(/InvalidSignatureException.*valid region, not 'mars-1'/),
    });
  }, 30_000);

  it("ssh --command is refused with a clear message: the primary node's name says there is no SSH here", async () => {
    const emu = await started({ verifySignatures: LOCAL });
    const { ClusterId } = await createCluster(emu.endpoint);
    const key = join(tempDir("emrkit-conformance-"), "key.pem");
    writeFileSync(key, "not a key\n", { mode: 0o600 });
    const refused = aws(emu.endpoint, ["ssh", "--cluster-id", ClusterId, "--key-pair-file", key, "--command", "ls"]);
    // Where ssh is installed, it stops at the name; where it is not, the CLI says so. Never a KeyError.
    await expect(refused).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /Could not resolve hostname no-ssh-on-the-emrkit-emulator\.invalid|SSH or Putty not available/,
      ),
    });
    await refused.catch((error: { stderr: string }) => expect(error.stderr).not.toMatch(/KeyError/));
  }, 60_000);
});
