/**
 * The operations that show and change a cluster's instances: ListInstanceGroups, ListInstanceFleets, ListInstances,
 * AddInstanceGroups, ModifyInstanceGroups, with the SDK v3.
 */
import {
  AddInstanceGroupsCommand,
  type EMRClient,
  ListInstanceFleetsCommand,
  ListInstanceGroupsCommand,
  ListInstancesCommand,
  ModifyInstanceGroupsCommand,
  RunJobFlowCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clusterIn, emulator } from "./support.js";

async function groupCluster(client: EMRClient) {
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "groups",
      ReleaseLabel: "emr-7.1.0",
      Instances: {
        KeepJobFlowAliveWhenNoSteps: true,
        InstanceGroups: [
          { InstanceRole: "MASTER", InstanceType: "m5.xlarge", InstanceCount: 1 },
          { InstanceRole: "CORE", InstanceType: "m5.2xlarge", InstanceCount: 2 },
        ],
      },
    }),
  );
  return JobFlowId!;
}

describe("instance groups", () => {
  it("lists the groups and their instances, primary first on 127.0.0.1, with stable ids", async () => {
    const { client } = await emulator();
    const id = await groupCluster(client);
    await clusterIn(client, id, "WAITING");
    const { InstanceGroups } = await client.send(new ListInstanceGroupsCommand({ ClusterId: id }));
    expect(InstanceGroups!.map((g) => [g.InstanceGroupType, g.RunningInstanceCount, g.Status!.State])).toEqual([
      ["MASTER", 1, "RUNNING"],
      ["CORE", 2, "RUNNING"],
    ]);
    expect(InstanceGroups![0]!.Id).toMatch(/^ig-[A-Z0-9]{13}$/);
    const { Instances } = await client.send(new ListInstancesCommand({ ClusterId: id }));
    expect(Instances!.map((i) => [i.PrivateIpAddress, i.InstanceGroupId, i.Status!.State])).toEqual([
      ["127.0.0.1", InstanceGroups![0]!.Id, "RUNNING"],
      ["127.1.0.1", InstanceGroups![1]!.Id, "RUNNING"],
      ["127.1.0.2", InstanceGroups![1]!.Id, "RUNNING"],
    ]);
    expect(Instances![0]).toMatchObject({
      Id: expect.stringMatching(/^ci-[A-Z0-9]{13}$/),
      Ec2InstanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/),
      PublicDnsName: "no-ssh-on-the-emrkit-emulator.invalid",
      InstanceType: "m5.xlarge",
    });
    const again = await client.send(new ListInstancesCommand({ ClusterId: id }));
    expect(again.Instances!.map((i) => i.Id)).toEqual(Instances!.map((i) => i.Id));
    const core = await client.send(new ListInstancesCommand({ ClusterId: id, InstanceGroupTypes: ["CORE"] }));
    expect(core.Instances).toHaveLength(2);
    const byGroup = await client.send(
      new ListInstancesCommand({ ClusterId: id, InstanceGroupId: InstanceGroups![0]!.Id }),
    );
    expect(byGroup.Instances).toHaveLength(1);
  });

  it("adds a task group, resizes it and the core group, and refuses to add a primary group or resize it", async () => {
    const { client } = await emulator();
    const id = await groupCluster(client);
    const added = await client.send(
      new AddInstanceGroupsCommand({
        JobFlowId: id,
        InstanceGroups: [{ Name: "Task", InstanceRole: "TASK", InstanceType: "c5.xlarge", InstanceCount: 3 }],
      }),
    );
    expect(added).toMatchObject({ JobFlowId: id, ClusterArn: expect.stringContaining(id) });
    const [taskId] = added.InstanceGroupIds!;
    const { InstanceGroups } = await client.send(new ListInstanceGroupsCommand({ ClusterId: id }));
    const coreId = InstanceGroups!.find((g) => g.InstanceGroupType === "CORE")!.Id!;
    const primaryId = InstanceGroups!.find((g) => g.InstanceGroupType === "MASTER")!.Id!;
    await client.send(
      new ModifyInstanceGroupsCommand({
        ClusterId: id,
        InstanceGroups: [
          { InstanceGroupId: taskId, InstanceCount: 5 },
          { InstanceGroupId: coreId, InstanceCount: 1 },
        ],
      }),
    );
    const after = await client.send(new ListInstanceGroupsCommand({ ClusterId: id }));
    expect(after.InstanceGroups!.map((g) => [g.Name ?? g.InstanceGroupType, g.RequestedInstanceCount])).toEqual([
      ["MASTER", 1],
      ["CORE", 1],
      ["Task", 5],
    ]);
    const { Instances } = await client.send(new ListInstancesCommand({ ClusterId: id, InstanceGroupTypes: ["TASK"] }));
    expect(Instances).toHaveLength(5);
    await expect(
      client.send(
        new AddInstanceGroupsCommand({
          JobFlowId: id,
          InstanceGroups: [{ InstanceRole: "MASTER", InstanceType: "m5.xlarge", InstanceCount: 1 }],
        }),
      ),
    ).rejects.toMatchObject({ name: "ValidationException" });
    await expect(
      client.send(
        new ModifyInstanceGroupsCommand({
          ClusterId: id,
          InstanceGroups: [{ InstanceGroupId: primaryId, InstanceCount: 3 }],
        }),
      ),
    ).rejects.toMatchObject({ name: "ValidationException" });
    await expect(
      client.send(
        new ModifyInstanceGroupsCommand({
          ClusterId: id,
          InstanceGroups: [{ InstanceGroupId: "ig-NOPE", InstanceCount: 3 }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidRequestException" });
  });
});

describe("instance fleets", () => {
  it("lists the fleets and their instances; ListInstanceGroups refuses a fleet cluster as EMR does", async () => {
    const { client } = await emulator();
    const { JobFlowId: id } = await client.send(
      new RunJobFlowCommand({
        Name: "fleets",
        ReleaseLabel: "emr-7.1.0",
        Instances: {
          KeepJobFlowAliveWhenNoSteps: true,
          InstanceFleets: [
            {
              InstanceFleetType: "MASTER",
              TargetOnDemandCapacity: 1,
              InstanceTypeConfigs: [{ InstanceType: "m5.xlarge" }],
            },
            {
              Name: "core fleet",
              InstanceFleetType: "CORE",
              TargetOnDemandCapacity: 2,
              TargetSpotCapacity: 4,
              InstanceTypeConfigs: [{ InstanceType: "r5.xlarge", WeightedCapacity: 2 }],
            },
          ],
        },
      }),
    );
    const cluster = await clusterIn(client, id!, "WAITING");
    expect(cluster.InstanceCollectionType).toBe("INSTANCE_FLEET");
    const { InstanceFleets } = await client.send(new ListInstanceFleetsCommand({ ClusterId: id }));
    expect(
      InstanceFleets!.map((f) => [f.InstanceFleetType, f.ProvisionedOnDemandCapacity, f.ProvisionedSpotCapacity]),
    ).toEqual([
      ["MASTER", 1, 0],
      ["CORE", 2, 4],
    ]);
    expect(InstanceFleets![1]).toMatchObject({
      Id: expect.stringMatching(/^if-/),
      Name: "core fleet",
      InstanceTypeSpecifications: [{ InstanceType: "r5.xlarge", WeightedCapacity: 2 }],
    });
    const { Instances } = await client.send(new ListInstancesCommand({ ClusterId: id, InstanceFleetType: "CORE" }));
    expect(Instances!.map((i) => [i.Market, i.InstanceFleetId])).toEqual([
      ["ON_DEMAND", InstanceFleets![1]!.Id],
      ["SPOT", InstanceFleets![1]!.Id],
      ["SPOT", InstanceFleets![1]!.Id],
    ]);
    await expect(client.send(new ListInstanceGroupsCommand({ ClusterId: id }))).rejects.toMatchObject({
      name: "InvalidRequestException",
      ErrorCode: "API_DOES_NOT_SUPPORT_INSTANCE_FLEET_CLUSTERS",
    });
  });

  it("ListInstanceFleets refuses a cluster of instance groups", async () => {
    const { client } = await emulator();
    const id = await groupCluster(client);
    await expect(client.send(new ListInstanceFleetsCommand({ ClusterId: id }))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
  });
});
