import { DEFAULT_REGION } from "../sigv4/caller.js";
import { clusterArn } from "./cluster-owner.js";
import { NO_SSH_HOST, normalizedInstanceHours } from "./instance-wire.js";
import type { ClusterRecord } from "./records.js";
import { applicationVersion } from "./release-labels.js";
import { clusterStatus } from "./wire.js";

type Json = Record<string, unknown>;

/** A cluster as ListClusters summarises it (API reference, ClusterSummary). */
export function clusterSummary(c: ClusterRecord) {
  return {
    Id: c.id,
    Name: c.name,
    Status: clusterStatus(c),
    NormalizedInstanceHours: normalizedInstanceHours(c),
    ClusterArn: clusterArn(c),
  };
}

/**
 * A cluster as DescribeCluster shows it (API reference, Cluster): what RunJobFlow was given, each where EMR returns
 * it, and what EMR derives (the primary node's DNS name, the instance hours, the availability zone, the application
 * versions of the release). What RunJobFlow takes that DescribeCluster does not show is elsewhere: Steps in
 * ListSteps, BootstrapActions in ListBootstrapActions, the instance groups and fleets in ListInstanceGroups and
 * ListInstanceFleets, HadoopVersion and SupportedProducts in DescribeJobFlows.
 */
export function clusterJson(c: ClusterRecord) {
  const given = c.given ?? {};
  const instances = (given.Instances ?? {}) as Json;
  const {
    KdcAdminPassword: _k,
    CrossRealmTrustPrincipalPassword: _c,
    ADDomainJoinPassword: _a,
    ...kerberos
  } = (given.KerberosAttributes ?? {}) as Json;
  return {
    Id: c.id,
    Name: c.name,
    Status: clusterStatus(c),
    Ec2InstanceAttributes: ec2InstanceAttributes(c, given, instances),
    InstanceCollectionType: c.instanceFleets ? "INSTANCE_FLEET" : "INSTANCE_GROUP",
    LogUri: c.logUri,
    LogEncryptionKmsKeyId: given.LogEncryptionKmsKeyId,
    RequestedAmiVersion: given.AmiVersion,
    RunningAmiVersion: given.AmiVersion,
    ReleaseLabel: c.releaseLabel,
    AutoTerminate: !c.keepAlive,
    TerminationProtected: c.terminationProtected === true,
    UnhealthyNodeReplacement: instances.UnhealthyNodeReplacement,
    VisibleToAllUsers: c.visibleToAllUsers !== false,
    Applications: applications(c, given),
    Tags: c.tags ?? [],
    ServiceRole: given.ServiceRole,
    NormalizedInstanceHours: normalizedInstanceHours(c),
    MasterPublicDnsName: NO_SSH_HOST,
    Configurations: given.Configurations ?? [],
    SecurityConfiguration: given.SecurityConfiguration,
    AutoScalingRole: given.AutoScalingRole,
    ScaleDownBehavior: given.ScaleDownBehavior ?? scaleDownDefault(c.releaseLabel),
    CustomAmiId: given.CustomAmiId,
    EbsRootVolumeSize: given.EbsRootVolumeSize,
    EbsRootVolumeIops: given.EbsRootVolumeIops,
    EbsRootVolumeThroughput: given.EbsRootVolumeThroughput,
    RepoUpgradeOnBoot: given.RepoUpgradeOnBoot,
    // The passwords are not shown back (a guess: EMR does not document whether it returns them).
    KerberosAttributes: given.KerberosAttributes === undefined ? undefined : kerberos,
    ClusterArn: clusterArn(c),
    StepConcurrencyLevel: c.concurrency,
    PlacementGroups: given.PlacementGroupConfigs,
    OSReleaseLabel: given.OSReleaseLabel,
    ExtendedSupport: given.ExtendedSupport,
    MonitoringConfiguration: given.MonitoringConfiguration,
    SessionEnabled: given.SessionEnabled,
  };
}

/**
 * Ec2InstanceAttributes from JobFlowInstancesConfig, JobFlowRole (the instance profile) and the placement; the zone
 * is the one asked for, else the region's first (`<region>a`, a guess: EMR picks one).
 */
function ec2InstanceAttributes(c: ClusterRecord, given: Json, instances: Json) {
  const subnets =
    (instances.Ec2SubnetIds as string[] | undefined) ??
    (instances.Ec2SubnetId === undefined ? [] : [instances.Ec2SubnetId as string]);
  const placement = (instances.Placement ?? {}) as { AvailabilityZone?: string; AvailabilityZones?: string[] };
  return {
    Ec2KeyName: instances.Ec2KeyName,
    Ec2SubnetId: subnets[0],
    RequestedEc2SubnetIds: subnets,
    Ec2AvailabilityZone:
      placement.AvailabilityZone ?? placement.AvailabilityZones?.[0] ?? `${c.region ?? DEFAULT_REGION}a`,
    RequestedEc2AvailabilityZones: placement.AvailabilityZones ?? [],
    IamInstanceProfile: given.JobFlowRole,
    EmrManagedMasterSecurityGroup: instances.EmrManagedMasterSecurityGroup,
    EmrManagedSlaveSecurityGroup: instances.EmrManagedSlaveSecurityGroup,
    ServiceAccessSecurityGroup: instances.ServiceAccessSecurityGroup,
    AdditionalMasterSecurityGroups: instances.AdditionalMasterSecurityGroups,
    AdditionalSlaveSecurityGroups: instances.AdditionalSlaveSecurityGroups,
  };
}

/** The applications asked for, each with its version on the release when known (release-labels.ts). */
function applications(c: ClusterRecord, given: Json) {
  return ((given.Applications ?? []) as Json[]).map((a) => ({
    ...a,
    Version: a.Version ?? applicationVersion(c.releaseLabel, a.Name),
  }));
}

/**
 * "TERMINATE_AT_INSTANCE_HOUR … is the default for releases of Amazon EMR earlier than 5.1.0", and
 * TERMINATE_AT_TASK_COMPLETION from 5.1.0 on (API reference, RunJobFlow ScaleDownBehavior). AMI clusters: none.
 */
function scaleDownDefault(releaseLabel: string | undefined): string | undefined {
  const m = /^emr-(\d+)\.(\d+)\./.exec(releaseLabel ?? "");
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 5 || (major === 5 && minor >= 1) ? "TERMINATE_AT_TASK_COMPLETION" : "TERMINATE_AT_INSTANCE_HOUR";
}
