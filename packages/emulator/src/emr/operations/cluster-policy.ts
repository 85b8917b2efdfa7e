import type { Caller } from "../../sigv4/caller.js";
import { ownedCluster } from "../cluster-owner.js";
import type { Engine } from "../engine.js";
import type { Body } from "./operation.js";

/**
 * A policy a cluster keeps under one member of what RunJobFlow was given (`ManagedScalingPolicy`,
 * `AutoTerminationPolicy`), so that RunJobFlow's own is the first: put whole in place of the one before, given back as
 * put, removed. Its Get answer leaves the member out when there is none (no output member is required).
 */
export function clusterPolicy(member: "ManagedScalingPolicy" | "AutoTerminationPolicy") {
  return {
    put: (e: Engine, b: Body, caller: Caller, policy: unknown) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      e.update(cluster, { given: { ...cluster.given, [member]: policy } });
      return {};
    },
    get: (e: Engine, b: Body, caller: Caller) => {
      const policy = ownedCluster(e, caller, b.ClusterId).given?.[member];
      return policy === undefined ? {} : { [member]: policy };
    },
    remove: (e: Engine, b: Body, caller: Caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      const { [member]: _removed, ...rest } = cluster.given ?? {};
      e.update(cluster, { given: rest });
      return {};
    },
  };
}
