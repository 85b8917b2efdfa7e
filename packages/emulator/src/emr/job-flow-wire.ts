import type { Engine } from "./engine.js";
import { clusterInstances, instanceGroupJson, NO_SSH_HOST, normalizedInstanceHours } from "./instance-wire.js";
import type { ClusterRecord, InstanceGroupRecord, StepRecord } from "./records.js";

type Json = Record<string, unknown>;
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/**
 * A cluster as the deprecated DescribeJobFlows shows it (API reference, JobFlowDetail). Its states are the old
 * JobFlowExecutionState ones: TERMINATING is SHUTTING_DOWN; a cluster that ended because its steps were done is
 * COMPLETED, one that a failed step ended FAILED, any other TERMINATED (the mapping is a guess).
 */
export function jobFlowJson(engine: Engine, c: ClusterRecord) {
  const given = c.given ?? {};
  const instances = (given.Instances ?? {}) as Json;
  const groups = c.instanceGroups ?? [];
  const master = groups.find((g) => g.role === "MASTER");
  const core = groups.find((g) => g.role === "CORE");
  const primary = clusterInstances(c)[0]?.instance;
  return {
    JobFlowId: c.id,
    Name: c.name,
    LogUri: c.logUri,
    LogEncryptionKmsKeyId: given.LogEncryptionKmsKeyId,
    AmiVersion: given.AmiVersion ?? c.releaseLabel,
    ExecutionStatusDetail: {
      State: jobFlowState(c),
      CreationDateTime: seconds(c.created),
      StartDateTime: seconds(c.ready),
      ReadyDateTime: seconds(c.ready),
      EndDateTime: seconds(c.ended),
      LastStateChangeReason: c.reason?.Message,
    },
    Instances: {
      MasterInstanceType: master?.instanceType ?? instances.MasterInstanceType,
      MasterPublicDnsName: NO_SSH_HOST,
      MasterInstanceId: primary?.Ec2InstanceId,
      SlaveInstanceType: core?.instanceType ?? instances.SlaveInstanceType,
      InstanceCount: groups.reduce((n, g) => n + g.count, 0),
      InstanceGroups: groups.map((g) => instanceGroupDetail(c, g)),
      NormalizedInstanceHours: normalizedInstanceHours(c),
      Ec2KeyName: instances.Ec2KeyName,
      Ec2SubnetId: instances.Ec2SubnetId ?? (instances.Ec2SubnetIds as string[] | undefined)?.[0],
      Placement: instances.Placement,
      KeepJobFlowAliveWhenNoSteps: c.keepAlive,
      TerminationProtected: c.terminationProtected === true,
      UnhealthyNodeReplacement: instances.UnhealthyNodeReplacement,
      HadoopVersion: instances.HadoopVersion,
    },
    Steps: c.steps.map((id) => stepDetail(engine.steps.get(id)!)),
    BootstrapActions: ((given.BootstrapActions ?? []) as Json[]).map((a) => ({ BootstrapActionConfig: a })),
    SupportedProducts: given.SupportedProducts ?? [],
    VisibleToAllUsers: c.visibleToAllUsers !== false,
    JobFlowRole: given.JobFlowRole,
    ServiceRole: given.ServiceRole,
    AutoScalingRole: given.AutoScalingRole,
    ScaleDownBehavior: given.ScaleDownBehavior,
  };
}

export function jobFlowState(c: ClusterRecord): string {
  if (c.state === "TERMINATING") return "SHUTTING_DOWN";
  if (c.state === "TERMINATED_WITH_ERRORS") return "FAILED";
  if (c.state === "TERMINATED") return c.reason?.Code === "ALL_STEPS_COMPLETED" ? "COMPLETED" : "TERMINATED";
  return c.state;
}

export function instanceGroupDetail(c: ClusterRecord, g: InstanceGroupRecord) {
  const shown = instanceGroupJson(c, g);
  return {
    InstanceGroupId: g.id,
    Name: shown.Name,
    Market: shown.Market,
    InstanceRole: g.role,
    BidPrice: shown.BidPrice,
    InstanceType: g.instanceType,
    InstanceRequestCount: g.count,
    InstanceRunningCount: shown.RunningInstanceCount,
    State: shown.Status.State === "TERMINATED" ? "ENDED" : shown.Status.State,
    CreationDateTime: seconds(g.created),
    StartDateTime: seconds(c.ready),
    ReadyDateTime: seconds(c.ready),
    EndDateTime: seconds(c.ended),
    CustomAmiId: shown.CustomAmiId,
  };
}

/** A step as StepDetail: its StepConfig back as it was given, and the old StepExecutionState. */
function stepDetail(s: StepRecord) {
  return {
    StepConfig: {
      Name: s.name,
      ActionOnFailure: s.actionOnFailure,
      HadoopJarStep: { Jar: s.jar, MainClass: s.mainClass, Args: s.args, Properties: s.properties },
    },
    ExecutionStatusDetail: {
      // StepExecutionState has no CANCEL_PENDING: the step is still pending.
      State: s.state === "CANCEL_PENDING" ? "PENDING" : s.state,
      CreationDateTime: seconds(s.created),
      StartDateTime: seconds(s.started),
      EndDateTime: seconds(s.ended),
      LastStateChangeReason: s.reason,
    },
  };
}
