import type { Caller } from "../sigv4/caller.js";
import { validationError } from "./emr-error.js";
import { newId } from "./ids.js";
import type { ClusterRecord, InstanceFleetRecord, InstanceGroupRecord, Tag } from "./records.js";

export type ClusterSpec = Omit<ClusterRecord, "kind" | "id" | "state" | "created" | "steps">;
type Json = Record<string, unknown>;
type Role = InstanceGroupRecord["role"];

/**
 * What a RunJobFlow request makes of a cluster, refused as EMR refuses it:
 * - AmiVersion (2.x/3.x AMIs) and ReleaseLabel (4.0 and later) together: each names the software, so only one
 *   (API reference, RunJobFlow; the words are a guess);
 * - instance groups and instance fleets together (API reference, JobFlowInstancesConfig: a cluster has one or the
 *   other), or a primary (MASTER) group of other than 1 or 3 instances (Management Guide, "Launch an Amazon EMR
 *   cluster with multiple primary nodes": 3 for multiple primary nodes, else 1);
 * and with multiple primary nodes termination protection on and auto-termination off, as that page says EMR does.
 */
export function clusterSpec(body: Json, caller: Caller, concurrency: number): ClusterSpec {
  if (body.AmiVersion !== undefined && body.ReleaseLabel !== undefined) {
    throw validationError(
      "Specify either AmiVersion (AMI 2.x or 3.x) or ReleaseLabel (release 4.0.0 and later), not both.",
    );
  }
  const instances = (body.Instances ?? {}) as Json;
  const { InstanceGroups, InstanceFleets, ...instanceRest } = instances;
  if (InstanceGroups !== undefined && InstanceFleets !== undefined) {
    throw validationError("Instances may have InstanceGroups or InstanceFleets, not both.");
  }
  const created = Date.now();
  const groups = InstanceFleets === undefined ? instanceGroups(instances, created) : undefined;
  const fleets = InstanceFleets === undefined ? undefined : instanceFleets(InstanceFleets as Json[], created);
  const primaries = primaryCount(groups, fleets);
  if (primaries !== undefined && primaries !== 1 && primaries !== 3) {
    throw validationError(
      `The primary (MASTER) instance group must have 1 instance, or 3 for multiple primary nodes, but has ${primaries}.`,
    );
  }
  const multiPrimary = primaries === 3;
  const { Name: _name, Steps: _steps, Tags, Instances: _instances, ...rest } = body;
  return {
    name: body.Name as string,
    keepAlive: multiPrimary || instances.KeepJobFlowAliveWhenNoSteps === true,
    concurrency,
    ...(typeof body.LogUri === "string" && body.LogUri ? { logUri: body.LogUri } : {}),
    ...(typeof body.ReleaseLabel === "string" ? { releaseLabel: body.ReleaseLabel } : {}),
    region: caller.region,
    account: caller.account,
    given: { ...rest, Instances: instanceRest },
    tags: (Tags as Tag[] | undefined) ?? [],
    terminationProtected: multiPrimary || instances.TerminationProtected === true,
    // "The VisibleToAllUsers parameter is no longer supported. By default, the value is set to true." (RunJobFlow)
    visibleToAllUsers: body.VisibleToAllUsers !== false,
    ...(groups ? { instanceGroups: groups } : {}),
    ...(fleets ? { instanceFleets: fleets } : {}),
  };
}

/**
 * The groups given, or those MasterInstanceType, SlaveInstanceType and InstanceCount describe: one primary, and
 * InstanceCount - 1 core instances (API reference, JobFlowInstancesConfig). EMR names these two groups "Master
 * Instance Group" and "Core Instance Group" in what it shows (seen, not documented). None given, none made.
 */
function instanceGroups(instances: Json, created: number): InstanceGroupRecord[] {
  if (Array.isArray(instances.InstanceGroups)) {
    return (instances.InstanceGroups as Json[]).map((g) => instanceGroup(g, created));
  }
  if (typeof instances.MasterInstanceType !== "string") return [];
  const count = typeof instances.InstanceCount === "number" ? instances.InstanceCount : 1;
  const groups = [
    instanceGroup(
      {
        Name: "Master Instance Group",
        InstanceRole: "MASTER",
        InstanceType: instances.MasterInstanceType,
        InstanceCount: 1,
      },
      created,
    ),
  ];
  if (count > 1) {
    const type = instances.SlaveInstanceType ?? instances.MasterInstanceType;
    groups.push(
      instanceGroup(
        { Name: "Core Instance Group", InstanceRole: "CORE", InstanceType: type, InstanceCount: count - 1 },
        created,
      ),
    );
  }
  return groups;
}

/** An InstanceGroupConfig as a record: its role, type and count apart, the rest as given. */
export function instanceGroup(config: Json, created: number): InstanceGroupRecord {
  const { InstanceRole, InstanceType, InstanceCount, ...rest } = config;
  return {
    id: newId("ig"),
    role: InstanceRole as Role,
    instanceType: InstanceType as string,
    count: InstanceCount as number,
    created,
    config: rest,
  };
}

function instanceFleets(configs: Json[], created: number): InstanceFleetRecord[] {
  return configs.map((config) => ({ id: newId("if"), role: config.InstanceFleetType as Role, created, config }));
}

/** How many primary nodes were asked for, if any were. */
function primaryCount(groups: InstanceGroupRecord[] | undefined, fleets: InstanceFleetRecord[] | undefined) {
  const group = groups?.find((g) => g.role === "MASTER");
  if (group) return group.count;
  const fleet = fleets?.find((f) => f.role === "MASTER");
  if (!fleet) return undefined;
  return Number(fleet.config.TargetOnDemandCapacity ?? 0) + Number(fleet.config.TargetSpotCapacity ?? 0);
}
