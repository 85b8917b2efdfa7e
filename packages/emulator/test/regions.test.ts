/**
 * Clusters belong to the region and account that signed the request that made them, as on EMR, where each region is
 * an endpoint of its own and an account sees only its clusters. The ARN names both.
 */
import {
  AddJobFlowStepsCommand,
  DescribeClusterCommand,
  EMRClient,
  ListClustersCommand,
  ListStepsCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { run, started } from "./support.js";

const KEY = { accessKeyId: "AKIDEMRKITREGIONS", secretAccessKey: "regions-secret" };

const client = (endpoint: string, region: string, credentials = KEY) =>
  new EMRClient({ endpoint, region, credentials, maxAttempts: 1 });

async function made(emr: EMRClient) {
  return emr.send(
    new RunJobFlowCommand({
      Name: "regional",
      ReleaseLabel: "emr-7.1.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    }),
  );
}

const listed = async (emr: EMRClient) =>
  ((await emr.send(new ListClustersCommand({}))).Clusters ?? []).map((c) => c.Id);

describe.each([
  ["signatures checked", true],
  ["signatures not checked", false],
])("with %s", (_, verify) => {
  it("a cluster made through eu-west-1 is eu-west-1's alone: not listed, described or changed through us-east-1", async () => {
    const emu = await started(verify ? { verifySignatures: KEY } : {});
    const eu = client(emu.endpoint, "eu-west-1");
    const us = client(emu.endpoint, "us-east-1");
    const { JobFlowId, ClusterArn } = await made(eu);
    expect(ClusterArn).toBe(`arn:aws:elasticmapreduce:eu-west-1:000000000000:cluster/${JobFlowId}`);
    const own = await made(us);
    expect(await listed(eu)).toEqual([JobFlowId]);
    expect(await listed(us)).toEqual([own.JobFlowId]);
    const { Cluster } = await eu.send(new DescribeClusterCommand({ ClusterId: JobFlowId }));
    expect(Cluster).toMatchObject({ ClusterArn, Ec2InstanceAttributes: { Ec2AvailabilityZone: "eu-west-1a" } });
    await expect(us.send(new DescribeClusterCommand({ ClusterId: JobFlowId }))).rejects.toMatchObject({
      name: "InvalidRequestException",
      ErrorCode: "NoSuchCluster",
    });
    await expect(us.send(new ListStepsCommand({ ClusterId: JobFlowId }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    const add = us.send(new AddJobFlowStepsCommand({ JobFlowId, Steps: [run("x", ["true"])] }));
    await expect(add).rejects.toMatchObject({ name: "ValidationException" });
    await expect(us.send(new TerminateJobFlowsCommand({ JobFlowIds: [JobFlowId!] }))).rejects.toMatchObject({
      name: "ValidationException",
    });
    expect((await eu.send(new DescribeClusterCommand({ ClusterId: JobFlowId }))).Cluster!.Status!.State).not.toMatch(
      /TERMINAT/,
    );
  });
});

describe("accounts", () => {
  it("an access key id of twelve digits is the account: its ARNs name it, and other keys do not see its clusters", async () => {
    const emu = await started();
    const account = client(emu.endpoint, "us-west-2", { accessKeyId: "123456789012", secretAccessKey: "x" });
    const other = client(emu.endpoint, "us-west-2", { accessKeyId: "AKIDSOMEONEELSE", secretAccessKey: "y" });
    const { JobFlowId, ClusterArn } = await made(account);
    expect(ClusterArn).toBe(`arn:aws:elasticmapreduce:us-west-2:123456789012:cluster/${JobFlowId}`);
    expect(await listed(account)).toEqual([JobFlowId]);
    expect(await listed(other)).toEqual([]);
  });

  it("the partition of the region is the ARN's: aws-cn, aws-us-gov", async () => {
    const emu = await started({ verifySignatures: KEY });
    for (const [region, partition] of [
      ["cn-north-1", "aws-cn"],
      ["us-gov-west-1", "aws-us-gov"],
    ] as const) {
      const { JobFlowId, ClusterArn } = await made(client(emu.endpoint, region));
      expect(ClusterArn).toBe(`arn:${partition}:elasticmapreduce:${region}:000000000000:cluster/${JobFlowId}`);
    }
  });

  it("an unsigned request, where signatures are not checked, is us-east-1's and the default account's", async () => {
    const emu = await started();
    const answer = await fetch(emu.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "ElasticMapReduce.RunJobFlow" },
      body: JSON.stringify({ Name: "unsigned", Instances: {} }),
    });
    const { JobFlowId, ClusterArn } = (await answer.json()) as { JobFlowId: string; ClusterArn: string };
    expect(ClusterArn).toBe(`arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/${JobFlowId}`);
    expect(await listed(client(emu.endpoint, "us-east-1"))).toEqual([JobFlowId]);
  });
});
