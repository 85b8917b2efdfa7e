/**
 * Tags, termination protection, visibility, keep-alive, DescribeJobFlows and the release labels, with the SDK v3.
 */
import {
  AddJobFlowStepsCommand,
  AddTagsCommand,
  DescribeClusterCommand,
  DescribeJobFlowsCommand,
  DescribeReleaseLabelCommand,
  EMRClient,
  ListReleaseLabelsCommand,
  RemoveTagsCommand,
  RunJobFlowCommand,
  SetKeepJobFlowAliveWhenNoStepsCommand,
  SetTerminationProtectionCommand,
  SetVisibleToAllUsersCommand,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { cluster, clusterIn, emulator, run, settled, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

describe("tags", () => {
  it("AddTags puts each key's new value in place of the old; RemoveTags takes keys away", async () => {
    const { client } = await emulator();
    const { JobFlowId: id } = await client.send(
      new RunJobFlowCommand({
        Name: "tagged",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        Tags: [{ Key: "a", Value: "1" }],
      }),
    );
    await client.send(
      new AddTagsCommand({
        ResourceId: id,
        Tags: [
          { Key: "a", Value: "2" },
          { Key: "b", Value: "x" },
        ],
      }),
    );
    await client.send(new RemoveTagsCommand({ ResourceId: id, TagKeys: ["b", "not-there"] }));
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Tags).toEqual([{ Key: "a", Value: "2" }]);
    await expect(client.send(new AddTagsCommand({ ResourceId: "j-NOPE", Tags: [] }))).rejects.toMatchObject({
      name: "InvalidRequestException",
      ErrorCode: "NoSuchCluster",
    });
  });
});

describe("termination protection", () => {
  it("TerminateJobFlows refuses a protected cluster, terminating none of those named, until protection is off", async () => {
    const { client } = await emulator();
    const protectedId = await cluster(client);
    const free = await cluster(client);
    await client.send(new SetTerminationProtectionCommand({ JobFlowIds: [protectedId], TerminationProtected: true }));
    expect(
      (await client.send(new DescribeClusterCommand({ ClusterId: protectedId }))).Cluster!.TerminationProtected,
    ).toBe(true);
    await expect(client.send(new TerminateJobFlowsCommand({ JobFlowIds: [free, protectedId] }))).rejects.toMatchObject({
      name: "ValidationException",
      message: "Could not shut down one or more job flows since they are termination protected.",
    });
    const freeState = (await client.send(new DescribeClusterCommand({ ClusterId: free }))).Cluster!.Status!.State;
    expect(freeState).not.toMatch(/TERMINAT/);
    await client.send(new SetTerminationProtectionCommand({ JobFlowIds: [protectedId], TerminationProtected: false }));
    await client.send(new TerminateJobFlowsCommand({ JobFlowIds: [free, protectedId] }));
    const after = (await client.send(new DescribeClusterCommand({ ClusterId: protectedId }))).Cluster!.Status!.State;
    expect(after).toMatch(/^TERMINAT/);
  });

  it("keeps a cluster that does not auto-terminate alive when a TERMINATE_CLUSTER step fails (Management Guide)", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(new SetTerminationProtectionCommand({ JobFlowIds: [id], TerminationProtected: true }));
    await client.send(
      new AddJobFlowStepsCommand({
        JobFlowId: id,
        Steps: [run("fails", ["false"], "TERMINATE_CLUSTER"), run("next", ["true"])],
      }),
    );
    expect((await settled(client, id)).map((s) => s.Status!.State)).toEqual(["FAILED", "CANCELLED"]);
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster!.Status!.State).toBe("WAITING");
  });
});

describe("visibility and keep-alive", () => {
  it("SetVisibleToAllUsers and SetKeepJobFlowAliveWhenNoSteps are shown back; unknown ids change nothing", async () => {
    const { client } = await emulator();
    const id = await cluster(client);
    await client.send(new SetVisibleToAllUsersCommand({ JobFlowIds: [id], VisibleToAllUsers: false }));
    await client.send(
      new SetKeepJobFlowAliveWhenNoStepsCommand({ JobFlowIds: [id], KeepJobFlowAliveWhenNoSteps: false }),
    );
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: id }));
    expect(Cluster).toMatchObject({ VisibleToAllUsers: false, AutoTerminate: true });
    const refused = client.send(
      new SetVisibleToAllUsersCommand({ JobFlowIds: [id, "j-NOPE"], VisibleToAllUsers: true }),
    );
    await expect(refused).rejects.toMatchObject({ name: "ValidationException" });
    expect((await client.send(new DescribeClusterCommand({ ClusterId: id }))).Cluster!.VisibleToAllUsers).toBe(false);
  });
});

describe("DescribeJobFlows", () => {
  it("describes job flows with their steps and instances, in the old states (a finished one COMPLETED)", async () => {
    const { client } = await emulator();
    const { JobFlowId: id } = await client.send(
      new RunJobFlowCommand({
        Name: "old tools",
        ReleaseLabel: "emr-7.1.0",
        Instances: { MasterInstanceType: "m5.xlarge", InstanceCount: 1 },
        Steps: [run("only", ["true"])],
      }),
    );
    await clusterIn(client, id!, "TERMINATED");
    const { JobFlows } = await client.send(new DescribeJobFlowsCommand({ JobFlowIds: [id!] }));
    expect(JobFlows).toHaveLength(1);
    expect(JobFlows![0]).toMatchObject({
      JobFlowId: id,
      Name: "old tools",
      ExecutionStatusDetail: { State: "COMPLETED" },
      Instances: { MasterInstanceType: "m5.xlarge", InstanceCount: 1, KeepJobFlowAliveWhenNoSteps: false },
      Steps: [{ StepConfig: { Name: "only" }, ExecutionStatusDetail: { State: "COMPLETED" } }],
    });
    const { JobFlows: all } = await client.send(new DescribeJobFlowsCommand({}));
    expect(all!.map((j) => j.JobFlowId)).toEqual([id]);
    const waiting = await client.send(new DescribeJobFlowsCommand({ JobFlowStates: ["WAITING"] }));
    expect(waiting.JobFlows).toEqual([]);
  });
});

describe("release labels", () => {
  it("ListReleaseLabels filters on a prefix and an application and pages; DescribeReleaseLabel names the versions", async () => {
    const { client } = await emulator();
    const { ReleaseLabels } = await client.send(new ListReleaseLabelsCommand({ Filters: { Prefix: "emr-7.1" } }));
    expect(ReleaseLabels).toEqual(["emr-7.10.0", "emr-7.1.0"]);
    const spark = await client.send(new ListReleaseLabelsCommand({ Filters: { Application: "Spark@3.5.0" } }));
    expect(spark.ReleaseLabels).toEqual(["emr-7.1.0", "emr-7.0.0"]);
    const first = await client.send(new ListReleaseLabelsCommand({ MaxResults: 2 }));
    expect(first.ReleaseLabels).toHaveLength(2);
    const next = await client.send(new ListReleaseLabelsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(next.ReleaseLabels![0]).not.toBe(first.ReleaseLabels![0]);
    const described = await client.send(new DescribeReleaseLabelCommand({ ReleaseLabel: "emr-7.1.0" }));
    expect(described.Applications).toContainEqual({ Name: "spark", Version: "3.5.0" });
    const newest = await client.send(new DescribeReleaseLabelCommand({}));
    expect(newest.ReleaseLabel).toBe("emr-7.10.0");
  });
});

describe("after a restart", () => {
  it("a cluster keeps its region, account, tags, protection, groups and what RunJobFlow was given", async () => {
    const dataDir = tempDir("emrkit-settings-restart-");
    const first = await started({ dataDir });
    const emr = (endpoint: string) =>
      new EMRClient({
        endpoint,
        region: "eu-west-1",
        credentials: { accessKeyId: "123456789012", secretAccessKey: "x" },
      });
    const { JobFlowId: id } = await emr(first.endpoint).send(
      new RunJobFlowCommand({
        Name: "kept",
        ReleaseLabel: "emr-7.1.0",
        ServiceRole: "EMR_DefaultRole",
        Instances: { KeepJobFlowAliveWhenNoSteps: true, MasterInstanceType: "m5.xlarge", InstanceCount: 2 },
      }),
    );
    await emr(first.endpoint).send(new AddTagsCommand({ ResourceId: id, Tags: [{ Key: "k", Value: "v" }] }));
    await emr(first.endpoint).send(
      new SetTerminationProtectionCommand({ JobFlowIds: [id!], TerminationProtected: true }),
    );
    const before = (await emr(first.endpoint).send(new DescribeClusterCommand({ ClusterId: id }))).Cluster!;
    await first.close();
    const second = await started({ dataDir });
    const after = (await emr(second.endpoint).send(new DescribeClusterCommand({ ClusterId: id }))).Cluster!;
    const stable = ({ Status: _s, NormalizedInstanceHours: _h, ...rest }: typeof before) => rest;
    expect(stable(after)).toEqual(stable(before));
    expect(after).toMatchObject({
      ClusterArn: `arn:aws:elasticmapreduce:eu-west-1:123456789012:cluster/${id}`,
      Tags: [{ Key: "k", Value: "v" }],
      TerminationProtected: true,
      ServiceRole: "EMR_DefaultRole",
    });
  });
});
