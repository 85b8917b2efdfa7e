/**
 * DescribeCluster (and the reads beside it) give back what RunJobFlow was given, each where EMR returns it, and the
 * values EMR derives; RunJobFlow refuses what EMR refuses. The table below names, for every member of RunJobFlow's
 * input and of its Instances, where it comes back: the type makes a member the model adds a compile error here.
 */
import {
  DescribeClusterCommand,
  DescribeJobFlowsCommand,
  type EMRClient,
  type JobFlowInstancesConfig,
  ListBootstrapActionsCommand,
  ListInstanceGroupsCommand,
  ListStepsCommand,
  RunJobFlowCommand,
  type RunJobFlowCommandInput,
  TerminateJobFlowsCommand,
} from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { emulator, run } from "./support.js";

const AMI = "ami-0123456789abcdef0";
const INSTANCES = {
  InstanceGroups: [
    {
      Name: "Primary",
      Market: "ON_DEMAND",
      InstanceRole: "MASTER",
      InstanceType: "m5.xlarge",
      InstanceCount: 1,
      Configurations: [{ Classification: "yarn-site", Properties: { "yarn.log-aggregation-enable": "true" } }],
      EbsConfiguration: {
        EbsBlockDeviceConfigs: [{ VolumeSpecification: { VolumeType: "gp3", SizeInGB: 64 }, VolumesPerInstance: 2 }],
        EbsOptimized: true,
      },
      CustomAmiId: AMI,
    },
    {
      Name: "Core",
      Market: "SPOT",
      BidPrice: "0.10",
      InstanceRole: "CORE",
      InstanceType: "r5.2xlarge",
      InstanceCount: 2,
    },
  ],
  Ec2KeyName: "my-key",
  Placement: { AvailabilityZones: ["us-east-1b", "us-east-1c"] },
  KeepJobFlowAliveWhenNoSteps: true,
  TerminationProtected: true,
  UnhealthyNodeReplacement: true,
  HadoopVersion: "3.3.6",
  Ec2SubnetIds: ["subnet-1", "subnet-2"],
  EmrManagedMasterSecurityGroup: "sg-primary",
  EmrManagedSlaveSecurityGroup: "sg-core",
  ServiceAccessSecurityGroup: "sg-service",
  AdditionalMasterSecurityGroups: ["sg-extra-primary"],
  AdditionalSlaveSecurityGroups: ["sg-extra-core"],
} satisfies JobFlowInstancesConfig;

const INPUT = {
  Name: "round trip",
  LogUri: "s3://logs/emr/",
  LogEncryptionKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  AdditionalInfo: '{"instanceAwsClientConfiguration":{}}',
  ReleaseLabel: "emr-7.1.0",
  Instances: INSTANCES,
  Steps: [run("first", ["true"])],
  StepExecutionRoleArn: "arn:aws:iam::123456789012:role/steps",
  BootstrapActions: [{ Name: "setup", ScriptBootstrapAction: { Path: "s3://boot/setup.sh", Args: ["--fast"] } }],
  SupportedProducts: ["mapr-m3"],
  NewSupportedProducts: [{ Name: "mapr-m5", Args: ["--edition", "m5"] }],
  Applications: [{ Name: "Spark" }, { Name: "Hive", Args: ["--verbose"] }],
  Configurations: [{ Classification: "spark-defaults", Properties: { "spark.executor.memory": "4g" } }],
  VisibleToAllUsers: true,
  JobFlowRole: "EMR_EC2_DefaultRole",
  ServiceRole: "EMR_DefaultRole",
  Tags: [{ Key: "team", Value: "data" }],
  SecurityConfiguration: "at-rest",
  AutoScalingRole: "EMR_AutoScaling_DefaultRole",
  ScaleDownBehavior: "TERMINATE_AT_INSTANCE_HOUR",
  CustomAmiId: AMI,
  EbsRootVolumeSize: 32,
  EbsRootVolumeIops: 4000,
  EbsRootVolumeThroughput: 200,
  RepoUpgradeOnBoot: "NONE",
  KerberosAttributes: { Realm: "EC2.INTERNAL", KdcAdminPassword: "kdc-secret", ADDomainJoinUser: "joiner" },
  StepConcurrencyLevel: 1,
  ManagedScalingPolicy: { ComputeLimits: { UnitType: "Instances", MinimumCapacityUnits: 1, MaximumCapacityUnits: 5 } },
  PlacementGroupConfigs: [{ InstanceRole: "MASTER", PlacementStrategy: "SPREAD" }],
  AutoTerminationPolicy: { IdleTimeout: 3600 },
  OSReleaseLabel: "2.0.20240131.0",
  ExtendedSupport: false,
  MonitoringConfiguration: { CloudWatchLogConfiguration: { Enabled: true, LogGroupName: "/emr/round-trip" } },
  SessionEnabled: true,
} satisfies RunJobFlowCommandInput;

type Seen = Awaited<ReturnType<typeof readBack>>;
/** Where a member of the input comes back, as a check; or why it does not. */
type Where = ((seen: Seen) => void) | { notShown: string };

async function readBack(client: EMRClient, ClusterId: string) {
  const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId }));
  const { InstanceGroups } = await client.send(new ListInstanceGroupsCommand({ ClusterId }));
  const { BootstrapActions } = await client.send(new ListBootstrapActionsCommand({ ClusterId }));
  const { Steps } = await client.send(new ListStepsCommand({ ClusterId }));
  const { JobFlows } = await client.send(new DescribeJobFlowsCommand({ JobFlowIds: [ClusterId] }));
  return {
    cluster: Cluster!,
    groups: InstanceGroups!,
    bootstrap: BootstrapActions!,
    steps: Steps!,
    jobFlow: JobFlows![0]!,
  };
}

const NOT_SERVED = "returned by an operation the emulator does not serve";
const WHERE: Record<keyof RunJobFlowCommandInput, Where> = {
  Name: ({ cluster }) => expect(cluster.Name).toBe(INPUT.Name),
  LogUri: ({ cluster }) => expect(cluster.LogUri).toBe(INPUT.LogUri),
  LogEncryptionKmsKeyId: ({ cluster }) => expect(cluster.LogEncryptionKmsKeyId).toBe(INPUT.LogEncryptionKmsKeyId),
  AdditionalInfo: { notShown: "EMR shows it nowhere" },
  AmiVersion: { notShown: "refused with ReleaseLabel; tested below" },
  ReleaseLabel: ({ cluster }) => expect(cluster.ReleaseLabel).toBe(INPUT.ReleaseLabel),
  Instances: () => undefined, // member by member, below
  Steps: ({ steps }) => expect(steps.map((s) => s.Name)).toEqual(["first"]),
  StepExecutionRoleArn: { notShown: "EMR shows it nowhere" },
  BootstrapActions: ({ bootstrap }) =>
    expect(bootstrap).toEqual([{ Name: "setup", ScriptPath: "s3://boot/setup.sh", Args: ["--fast"] }]),
  SupportedProducts: ({ jobFlow }) => expect(jobFlow.SupportedProducts).toEqual(["mapr-m3"]),
  NewSupportedProducts: { notShown: "EMR shows it nowhere the emulator serves (a guess)" },
  Applications: ({ cluster }) =>
    expect(cluster.Applications).toEqual([
      { Name: "Spark", Version: "3.5.0" },
      { Name: "Hive", Version: "3.1.3", Args: ["--verbose"] },
    ]),
  Configurations: ({ cluster }) => expect(cluster.Configurations).toEqual(INPUT.Configurations),
  VisibleToAllUsers: ({ cluster }) => expect(cluster.VisibleToAllUsers).toBe(true),
  JobFlowRole: ({ cluster }) => expect(cluster.Ec2InstanceAttributes!.IamInstanceProfile).toBe(INPUT.JobFlowRole),
  ServiceRole: ({ cluster }) => expect(cluster.ServiceRole).toBe(INPUT.ServiceRole),
  Tags: ({ cluster }) => expect(cluster.Tags).toEqual(INPUT.Tags),
  SecurityConfiguration: ({ cluster }) => expect(cluster.SecurityConfiguration).toBe(INPUT.SecurityConfiguration),
  AutoScalingRole: ({ cluster }) => expect(cluster.AutoScalingRole).toBe(INPUT.AutoScalingRole),
  ScaleDownBehavior: ({ cluster }) => expect(cluster.ScaleDownBehavior).toBe(INPUT.ScaleDownBehavior),
  CustomAmiId: ({ cluster }) => expect(cluster.CustomAmiId).toBe(AMI),
  EbsRootVolumeSize: ({ cluster }) => expect(cluster.EbsRootVolumeSize).toBe(32),
  EbsRootVolumeIops: ({ cluster }) => expect(cluster.EbsRootVolumeIops).toBe(4000),
  EbsRootVolumeThroughput: ({ cluster }) => expect(cluster.EbsRootVolumeThroughput).toBe(200),
  RepoUpgradeOnBoot: ({ cluster }) => expect(cluster.RepoUpgradeOnBoot).toBe("NONE"),
  KerberosAttributes: ({ cluster }) =>
    expect(cluster.KerberosAttributes).toEqual({ Realm: "EC2.INTERNAL", ADDomainJoinUser: "joiner" }),
  StepConcurrencyLevel: ({ cluster }) => expect(cluster.StepConcurrencyLevel).toBe(1),
  ManagedScalingPolicy: { notShown: `GetManagedScalingPolicy: ${NOT_SERVED}` },
  PlacementGroupConfigs: ({ cluster }) => expect(cluster.PlacementGroups).toEqual(INPUT.PlacementGroupConfigs),
  AutoTerminationPolicy: { notShown: `GetAutoTerminationPolicy: ${NOT_SERVED}` },
  OSReleaseLabel: ({ cluster }) => expect(cluster.OSReleaseLabel).toBe(INPUT.OSReleaseLabel),
  ExtendedSupport: ({ cluster }) => expect(cluster.ExtendedSupport).toBe(false),
  MonitoringConfiguration: ({ cluster }) =>
    expect(cluster.MonitoringConfiguration).toEqual(INPUT.MonitoringConfiguration),
  SessionEnabled: ({ cluster }) => expect(cluster.SessionEnabled).toBe(true),
};

const ec2 = (seen: Seen) => seen.cluster.Ec2InstanceAttributes!;
const INSTANCES_WHERE: Record<keyof JobFlowInstancesConfig, Where> = {
  MasterInstanceType: { notShown: "with InstanceGroups there is none; see the uniform-instances test" },
  SlaveInstanceType: { notShown: "with InstanceGroups there is none; see the uniform-instances test" },
  InstanceCount: { notShown: "with InstanceGroups there is none; see the uniform-instances test" },
  InstanceGroups: ({ groups }) => {
    expect(
      groups.map((g) => [g.Name, g.InstanceGroupType, g.InstanceType, g.RequestedInstanceCount, g.Market]),
    ).toEqual([
      ["Primary", "MASTER", "m5.xlarge", 1, "ON_DEMAND"],
      ["Core", "CORE", "r5.2xlarge", 2, "SPOT"],
    ]);
    expect(groups[0]).toMatchObject({
      Configurations: INSTANCES.InstanceGroups[0]!.Configurations,
      EbsOptimized: true,
      EbsBlockDevices: [
        { VolumeSpecification: { VolumeType: "gp3", SizeInGB: 64 }, Device: "/dev/sdb" },
        { VolumeSpecification: { VolumeType: "gp3", SizeInGB: 64 }, Device: "/dev/sdc" },
      ],
      CustomAmiId: AMI,
    });
    expect(groups[1]!.BidPrice).toBe("0.10");
  },
  InstanceFleets: { notShown: "with InstanceGroups there is none; see the instance-operations tests" },
  Ec2KeyName: (seen) => expect(ec2(seen).Ec2KeyName).toBe("my-key"),
  Placement: (seen) => {
    expect(ec2(seen).RequestedEc2AvailabilityZones).toEqual(["us-east-1b", "us-east-1c"]);
    expect(ec2(seen).Ec2AvailabilityZone).toBe("us-east-1b");
  },
  KeepJobFlowAliveWhenNoSteps: ({ cluster }) => expect(cluster.AutoTerminate).toBe(false),
  TerminationProtected: ({ cluster }) => expect(cluster.TerminationProtected).toBe(true),
  UnhealthyNodeReplacement: ({ cluster }) => expect(cluster.UnhealthyNodeReplacement).toBe(true),
  HadoopVersion: ({ jobFlow }) => expect(jobFlow.Instances!.HadoopVersion).toBe("3.3.6"),
  Ec2SubnetId: { notShown: "Ec2SubnetIds given instead; its first is Ec2SubnetId" },
  Ec2SubnetIds: (seen) => {
    expect(ec2(seen).RequestedEc2SubnetIds).toEqual(["subnet-1", "subnet-2"]);
    expect(ec2(seen).Ec2SubnetId).toBe("subnet-1");
  },
  EmrManagedMasterSecurityGroup: (seen) => expect(ec2(seen).EmrManagedMasterSecurityGroup).toBe("sg-primary"),
  EmrManagedSlaveSecurityGroup: (seen) => expect(ec2(seen).EmrManagedSlaveSecurityGroup).toBe("sg-core"),
  ServiceAccessSecurityGroup: (seen) => expect(ec2(seen).ServiceAccessSecurityGroup).toBe("sg-service"),
  AdditionalMasterSecurityGroups: (seen) =>
    expect(ec2(seen).AdditionalMasterSecurityGroups).toEqual(["sg-extra-primary"]),
  AdditionalSlaveSecurityGroups: (seen) => expect(ec2(seen).AdditionalSlaveSecurityGroups).toEqual(["sg-extra-core"]),
};

async function roundTrip() {
  const { client } = await emulator();
  const { JobFlowId } = await client.send(new RunJobFlowCommand(INPUT));
  return { client, id: JobFlowId!, seen: await readBack(client, JobFlowId!) };
}

describe("a DescribeCluster round trip", () => {
  it("gives back every member of RunJobFlow's input where EMR returns it", async () => {
    const { seen } = await roundTrip();
    for (const [member, where] of [...Object.entries(WHERE), ...Object.entries(INSTANCES_WHERE)]) {
      if (typeof where !== "function") continue;
      try {
        where(seen);
      } catch (error) {
        throw new Error(`${member}: ${(error as Error).message}`);
      }
    }
    const shown = [...Object.values(WHERE), ...Object.values(INSTANCES_WHERE)].filter((w) => typeof w === "function");
    expect(shown.length).toBeGreaterThanOrEqual(40);
  });

  it("gives the values EMR derives: ARN, instance hours, the primary node's DNS name, the instance collection type", async () => {
    const { id, seen } = await roundTrip();
    expect(seen.cluster).toMatchObject({
      ClusterArn: `arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/${id}`,
      InstanceCollectionType: "INSTANCE_GROUP",
      MasterPublicDnsName: "no-ssh-on-the-emrkit-emulator.invalid",
    });
    // STARTING: no hour has run yet; once up, m5.xlarge (8) + 2 × r5.2xlarge (16) for the first hour.
    expect([0, 40]).toContain(seen.cluster.NormalizedInstanceHours);
    expect(seen.jobFlow.Instances).toMatchObject({ MasterInstanceType: "m5.xlarge", SlaveInstanceType: "r5.2xlarge" });
  });

  it("makes the two groups of MasterInstanceType, SlaveInstanceType and InstanceCount", async () => {
    const { client } = await emulator();
    const { JobFlowId } = await client.send(
      new RunJobFlowCommand({
        Name: "uniform",
        ReleaseLabel: "emr-7.1.0",
        Instances: { MasterInstanceType: "m5.xlarge", SlaveInstanceType: "m5.2xlarge", InstanceCount: 3 },
      }),
    );
    const { InstanceGroups } = await client.send(new ListInstanceGroupsCommand({ ClusterId: JobFlowId }));
    expect(InstanceGroups!.map((g) => [g.Name, g.InstanceGroupType, g.InstanceType, g.RequestedInstanceCount])).toEqual(
      [
        ["Master Instance Group", "MASTER", "m5.xlarge", 1],
        ["Core Instance Group", "CORE", "m5.2xlarge", 2],
      ],
    );
  });
});

describe("RunJobFlow refuses what EMR refuses", () => {
  it("AmiVersion with ReleaseLabel", async () => {
    const { client } = await emulator();
    const both = client.send(
      new RunJobFlowCommand({ Name: "both", AmiVersion: "3.11.0", ReleaseLabel: "emr-7.1.0", Instances: {} }),
    );
    await expect(both).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/not both/),
    });
  });

  it("a primary (MASTER) group of 2 instances", async () => {
    const { client } = await emulator();
    const two = client.send(
      new RunJobFlowCommand({
        Name: "two primaries",
        ReleaseLabel: "emr-7.1.0",
        Instances: { InstanceGroups: [{ InstanceRole: "MASTER", InstanceType: "m5.xlarge", InstanceCount: 2 }] },
      }),
    );
    await expect(two).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/1 instance, or 3/),
    });
  });

  it("and turns termination protection on (auto-termination off) for a cluster of 3 primary nodes", async () => {
    const { client } = await emulator();
    const { JobFlowId } = await client.send(
      new RunJobFlowCommand({
        Name: "three primaries",
        ReleaseLabel: "emr-7.1.0",
        Instances: {
          KeepJobFlowAliveWhenNoSteps: false,
          InstanceGroups: [{ InstanceRole: "MASTER", InstanceType: "m5.xlarge", InstanceCount: 3 }],
        },
      }),
    );
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId: JobFlowId }));
    expect(Cluster).toMatchObject({ TerminationProtected: true, AutoTerminate: false });
    await expect(client.send(new TerminateJobFlowsCommand({ JobFlowIds: [JobFlowId!] }))).rejects.toMatchObject({
      name: "ValidationException",
      message: "Could not shut down one or more job flows since they are termination protected.",
    });
  });
});
