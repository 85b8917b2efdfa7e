import { derivedId } from "./ids.js";
import { hoursCounted, normalizationFactor } from "./instance-hours.js";
import type { ClusterRecord, ClusterState, InstanceFleetRecord, InstanceGroupRecord } from "./records.js";

/**
 * A cluster's instance groups, fleets and instances as EMR's JSON shows them. Nothing here runs on an instance:
 * the steps run on this machine, so the instances are what the groups and fleets describe, derived whenever asked
 * (same ids every time). Their private addresses are loopback ones, 127.0.0.1 for the primary node. The public DNS
 * name is one that never resolves (RFC 6761 `.invalid`) and says why: tools that connect to the primary node
 * (`aws emr ssh`, `socks`, `get`, `put`) stop at "Could not resolve hostname no-ssh-on-the-emrkit-emulator.invalid"
 * instead of reaching whatever SSH server this machine runs. A guess at what serves users best; EMR gives the
 * primary node's ec2-….compute.amazonaws.com name.
 */
export const NO_SSH_HOST = "no-ssh-on-the-emrkit-emulator.invalid";

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** One kind of instance a group or fleet runs, with how many. */
interface Unit {
  ownerId: string;
  fleet: boolean;
  role: InstanceGroupRecord["role"];
  instanceType: string;
  market: string;
  count: number;
  created: number;
}

function units(cluster: ClusterRecord): Unit[] {
  const groups = (cluster.instanceGroups ?? []).map(
    (g): Unit => ({
      ownerId: g.id,
      fleet: false,
      role: g.role,
      instanceType: g.instanceType,
      market: String(g.config.Market ?? "ON_DEMAND"),
      count: g.count,
      created: g.created,
    }),
  );
  return [...groups, ...(cluster.instanceFleets ?? []).flatMap(fleetUnits)];
}

/** A fleet runs its first instance type, enough of it for each target capacity (a guess: EMR picks by price). */
function fleetUnits(f: InstanceFleetRecord): Unit[] {
  const type = ((f.config.InstanceTypeConfigs as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
  const weight = Number(type.WeightedCapacity ?? 1) || 1;
  const unit = (market: string, target: unknown): Unit => ({
    ownerId: f.id,
    fleet: true,
    role: f.role,
    instanceType: String(type.InstanceType ?? "m5.xlarge"),
    market,
    count: Math.ceil(Number(target ?? 0) / weight),
    created: f.created,
  });
  return [unit("ON_DEMAND", f.config.TargetOnDemandCapacity), unit("SPOT", f.config.TargetSpotCapacity)];
}

/** Instances exist from BOOTSTRAPPING on, and are gone once the cluster has terminated. */
function instancesUp(state: ClusterState): boolean {
  return state !== "STARTING" && state !== "TERMINATED" && state !== "TERMINATED_WITH_ERRORS";
}

/** An instance of a cluster not yet or no longer up: not started yet, or gone. */
function instanceDown(state: ClusterState): string {
  return state === "STARTING" ? "PROVISIONING" : "TERMINATED";
}

function groupState(state: ClusterState): string {
  if (state === "STARTING") return "PROVISIONING";
  if (state === "BOOTSTRAPPING" || state === "TERMINATING") return state;
  return state === "RUNNING" || state === "WAITING" ? "RUNNING" : "TERMINATED";
}

function status(cluster: ClusterRecord, created: number) {
  return {
    State: groupState(cluster.state),
    StateChangeReason: {},
    Timeline: {
      CreationDateTime: seconds(created),
      ReadyDateTime: seconds(cluster.ready),
      EndDateTime: seconds(cluster.ended),
    },
  };
}

export function instanceGroupJson(cluster: ClusterRecord, g: InstanceGroupRecord) {
  const { Name, Market, BidPrice, Configurations, EbsConfiguration, AutoScalingPolicy, CustomAmiId } = g.config;
  return {
    Id: g.id,
    Name,
    Market: Market ?? "ON_DEMAND",
    InstanceGroupType: g.role,
    BidPrice,
    InstanceType: g.instanceType,
    RequestedInstanceCount: g.count,
    RunningInstanceCount: instancesUp(cluster.state) ? g.count : 0,
    Status: status(cluster, g.created),
    Configurations: Configurations ?? [],
    EbsBlockDevices: ebsBlockDevices(EbsConfiguration),
    EbsOptimized: (EbsConfiguration as { EbsOptimized?: boolean } | undefined)?.EbsOptimized,
    AutoScalingPolicy: AutoScalingPolicy && { ...AutoScalingPolicy, Status: { State: "ATTACHED" } },
    CustomAmiId,
  };
}

export function instanceFleetJson(cluster: ClusterRecord, f: InstanceFleetRecord) {
  const { InstanceTypeConfigs, TargetOnDemandCapacity, TargetSpotCapacity, ...rest } = f.config;
  const up = instancesUp(cluster.state);
  return {
    ...rest,
    Id: f.id,
    Status: status(cluster, f.created),
    InstanceFleetType: f.role,
    TargetOnDemandCapacity: TargetOnDemandCapacity ?? 0,
    TargetSpotCapacity: TargetSpotCapacity ?? 0,
    ProvisionedOnDemandCapacity: up ? (TargetOnDemandCapacity ?? 0) : 0,
    ProvisionedSpotCapacity: up ? (TargetSpotCapacity ?? 0) : 0,
    InstanceTypeSpecifications: ((InstanceTypeConfigs as Record<string, unknown>[] | undefined) ?? []).map((t) => {
      const { EbsConfiguration, ...type } = t;
      return {
        ...type,
        WeightedCapacity: type.WeightedCapacity ?? 1,
        EbsBlockDevices: ebsBlockDevices(EbsConfiguration),
        EbsOptimized: (EbsConfiguration as { EbsOptimized?: boolean } | undefined)?.EbsOptimized,
      };
    }),
  };
}

/** EbsConfiguration's volumes as attached devices: VolumesPerInstance of each, on /dev/sdb, /dev/sdc, … (a guess). */
function ebsBlockDevices(ebs: unknown) {
  const configs = (ebs as { EbsBlockDeviceConfigs?: { VolumeSpecification: unknown; VolumesPerInstance?: number }[] })
    ?.EbsBlockDeviceConfigs;
  const devices: { VolumeSpecification: unknown; Device: string }[] = [];
  for (const c of configs ?? []) {
    for (let i = 0; i < (c.VolumesPerInstance ?? 1); i++) {
      devices.push({
        VolumeSpecification: c.VolumeSpecification,
        Device: `/dev/sd${String.fromCharCode(98 + devices.length)}`,
      });
    }
  }
  return devices;
}

/**
 * Every instance of the cluster, primary first, with the role of its group or fleet (what ListInstances filters on);
 * the n-th of the u-th unit at 127.u.(n / 254).(n % 254 + 1).
 */
export function clusterInstances(cluster: ClusterRecord) {
  const up = instancesUp(cluster.state);
  const ordered = units(cluster).sort((a, b) => Number(b.role === "MASTER") - Number(a.role === "MASTER"));
  return ordered.flatMap((u, ui) =>
    Array.from({ length: u.count }, (_, n) => ({
      role: u.role,
      instance: instanceJson(cluster, u, ui, n, up),
    })),
  );
}

function instanceJson(cluster: ClusterRecord, u: Unit, ui: number, n: number, up: boolean) {
  const state = up ? (cluster.state === "BOOTSTRAPPING" ? "BOOTSTRAPPING" : "RUNNING") : instanceDown(cluster.state);
  return {
    Id: derivedId("ci", `${u.ownerId}/${u.market}/${n}`),
    Ec2InstanceId: derivedId("i", `${u.ownerId}/${u.market}/${n}`),
    PublicDnsName: NO_SSH_HOST,
    PrivateDnsName: "localhost",
    PrivateIpAddress: `127.${ui}.${Math.floor(n / 254)}.${(n % 254) + 1}`,
    Status: {
      State: state,
      StateChangeReason: {},
      Timeline: {
        CreationDateTime: seconds(u.created),
        ReadyDateTime: seconds(cluster.ready),
        EndDateTime: seconds(cluster.ended),
      },
    },
    ...(u.fleet ? { InstanceFleetId: u.ownerId } : { InstanceGroupId: u.ownerId }),
    Market: u.market,
    InstanceType: u.instanceType,
    EbsVolumes: [],
  };
}

/** The cluster's NormalizedInstanceHours so far (instance-hours.ts). */
export function normalizedInstanceHours(cluster: ClusterRecord, now = Date.now()): number {
  if (cluster.state === "STARTING") return 0;
  const until = cluster.ended ?? now;
  let total = 0;
  for (const u of units(cluster))
    total += u.count * normalizationFactor(u.instanceType) * hoursCounted(u.created, until);
  return total;
}
