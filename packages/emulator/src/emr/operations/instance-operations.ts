import {
  validateAddInstanceGroupsInput,
  validateListInstanceFleetsInput,
  validateListInstanceGroupsInput,
  validateListInstancesInput,
  validateModifyInstanceGroupsInput,
} from "@emrkit/dsl";
import { clusterArn, ownedCluster } from "../cluster-owner.js";
import { instanceGroup } from "../cluster-spec.js";
import { invalidRequest, validationError } from "../emr-error.js";
import { clusterInstances, instanceFleetJson, instanceGroupJson } from "../instance-wire.js";
import { type ClusterRecord, ENDED_CLUSTER, type InstanceGroupRecord } from "../records.js";
import { inOrder } from "./in-order.js";
import type { Operation } from "./operation.js";

/** At most 48 task instance groups on a cluster (Management Guide, "Instance groups"). */
const MAX_TASK_GROUPS = 48;

/**
 * The instances a cluster was given, as groups or fleets, and the changes to its groups. The instances themselves
 * are derived (instance-wire.ts): nothing runs on them.
 */
export const INSTANCE_OPERATIONS: Record<string, Operation> = {
  ListInstanceGroups: {
    validator: validateListInstanceGroupsInput,
    run: (e, b, caller) => {
      const cluster = withGroups(ownedCluster(e, caller, b.ClusterId), "ListInstanceGroups");
      return { InstanceGroups: (cluster.instanceGroups ?? []).map((g) => instanceGroupJson(cluster, g)) };
    },
  },
  ListInstanceFleets: {
    validator: validateListInstanceFleetsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      if (!cluster.instanceFleets) {
        // The counterpart of ListInstanceGroups' refusal; these words and the ErrorCode are a guess.
        throw invalidRequest(
          "Instance fleets and instance groups are mutually exclusive. The EMR cluster specified in the request uses instance groups. The ListInstanceFleets operation does not support clusters that use instance groups. Use the ListInstanceGroups operation instead.",
          "API_DOES_NOT_SUPPORT_INSTANCE_GROUP_CLUSTERS",
        );
      }
      return { InstanceFleets: cluster.instanceFleets.map((f) => instanceFleetJson(cluster, f)) };
    },
  },
  ListInstances: {
    validator: validateListInstancesInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      const types = b.InstanceGroupTypes as string[] | undefined;
      const states = b.InstanceStates as string[] | undefined;
      const listed = clusterInstances(cluster)
        .filter(({ role, instance: i }) => {
          const group = "InstanceGroupId" in i ? i.InstanceGroupId : undefined;
          const fleet = "InstanceFleetId" in i ? i.InstanceFleetId : undefined;
          if (b.InstanceGroupId !== undefined && group !== b.InstanceGroupId) return false;
          if (b.InstanceFleetId !== undefined && fleet !== b.InstanceFleetId) return false;
          if (types && (group === undefined || !types.includes(role))) return false;
          if (b.InstanceFleetType !== undefined && (fleet === undefined || role !== b.InstanceFleetType)) return false;
          return !states || states.includes(i.Status.State);
        })
        .map(({ instance }) => instance);
      return inOrder("Instances", listed, b.Marker);
    },
  },
  AddInstanceGroups: {
    validator: validateAddInstanceGroupsInput,
    run: (e, b, caller) => {
      const cluster = changeable(withGroups(ownedCluster(e, caller, b.JobFlowId), "AddInstanceGroups"));
      const groups = cluster.instanceGroups ?? [];
      const added = (b.InstanceGroups as Record<string, unknown>[]).map((g) => instanceGroup(g, Date.now()));
      // A cluster's primary group is made with it; a core group only where it has none; task groups up to 48.
      const all = [...groups, ...added];
      if (added.some((g) => g.role === "MASTER")) throw validationError("A MASTER instance group cannot be added.");
      if (all.filter((g) => g.role === "CORE").length > 1)
        throw validationError("A cluster has one CORE instance group.");
      if (all.filter((g) => g.role === "TASK").length > MAX_TASK_GROUPS) {
        throw validationError(`A cluster has at most ${MAX_TASK_GROUPS} TASK instance groups.`);
      }
      e.update(cluster, { instanceGroups: all });
      return { JobFlowId: cluster.id, InstanceGroupIds: added.map((g) => g.id), ClusterArn: clusterArn(cluster) };
    },
  },
  ModifyInstanceGroups: {
    validator: validateModifyInstanceGroupsInput,
    run: (e, b, caller) => {
      if (b.ClusterId === undefined) throw validationError("ClusterId is required.");
      const cluster = changeable(withGroups(ownedCluster(e, caller, b.ClusterId), "ModifyInstanceGroups"));
      const groups = new Map((cluster.instanceGroups ?? []).map((g) => [g.id, g]));
      for (const m of (b.InstanceGroups ?? []) as Record<string, unknown>[]) {
        const group = groups.get(m.InstanceGroupId as string);
        if (!group) throw invalidRequest(`Instance group id '${String(m.InstanceGroupId)}' is not valid.`);
        groups.set(group.id, modified(group, m));
      }
      e.update(cluster, { instanceGroups: [...groups.values()] });
      return {};
    },
  },
};

/**
 * A new instance count (EC2InstanceIdsToTerminate, ShrinkPolicy: the count is what is shown) or new Configurations.
 * The primary group keeps its size: EMR cannot resize it (Management Guide, "Manually resize a running cluster").
 */
function modified(group: InstanceGroupRecord, m: Record<string, unknown>): InstanceGroupRecord {
  if (m.InstanceCount !== undefined && group.role === "MASTER" && m.InstanceCount !== group.count) {
    throw validationError("The number of instances in the MASTER instance group cannot be changed.");
  }
  return {
    ...group,
    count: (m.InstanceCount as number | undefined) ?? group.count,
    config: m.Configurations === undefined ? group.config : { ...group.config, Configurations: m.Configurations },
  };
}

/**
 * A cluster of instance fleets answers operations on instance groups with this error, as EMR's ListInstanceGroups
 * does (its words and ErrorCode, as reported in turbot/steampipe-plugin-aws#1222).
 */
function withGroups(cluster: ClusterRecord, operation: string): ClusterRecord {
  if (!cluster.instanceFleets) return cluster;
  throw invalidRequest(
    `Instance fleets and instance groups are mutually exclusive. The EMR cluster specified in the request uses instance fleets. The ${operation} operation does not support clusters that use instance fleets. Use the ${operation.replace("InstanceGroups", "InstanceFleets")} operation instead.`,
    "API_DOES_NOT_SUPPORT_INSTANCE_FLEET_CLUSTERS",
  );
}

/** EMR's words when a request would change a cluster that is ending or has ended. */
function changeable(cluster: ClusterRecord): ClusterRecord {
  if (ENDED_CLUSTER.has(cluster.state)) {
    throw validationError("A job flow that is shutting down, terminated, or finished may not be modified.");
  }
  return cluster;
}
