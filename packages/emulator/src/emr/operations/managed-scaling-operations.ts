import {
  validateGetManagedScalingPolicyInput,
  validatePutManagedScalingPolicyInput,
  validateRemoveManagedScalingPolicyInput,
} from "@emrkit/dsl";
import { ownedCluster } from "../cluster-owner.js";
import { validationError } from "../emr-error.js";
import { clusterPolicy } from "./cluster-policy.js";
import type { Operation } from "./operation.js";

const policy = clusterPolicy("ManagedScalingPolicy");

/**
 * A cluster's managed scaling policy (API reference, PutManagedScalingPolicy, GetManagedScalingPolicy,
 * RemoveManagedScalingPolicy; ManagedScalingPolicy, ComputeLimits), kept as cluster-policy.ts says. The emulator has
 * no instances to scale, so the policy changes nothing else here.
 */
export const MANAGED_SCALING_OPERATIONS: Record<string, Operation> = {
  PutManagedScalingPolicy: {
    validator: validatePutManagedScalingPolicyInput,
    run: (e, b, caller) => {
      ownedCluster(e, caller, b.ClusterId);
      const limits = b.ManagedScalingPolicy.ComputeLimits;
      // "The managed scaling activity of a cluster is not allowed to go above or below these limits" (ComputeLimits):
      // a lower bound above the upper one leaves no room. The message is a guess; EMR refuses such a policy.
      if (limits && limits.MinimumCapacityUnits > limits.MaximumCapacityUnits) {
        throw validationError(
          `ManagedScalingPolicy.ComputeLimits: MinimumCapacityUnits (${limits.MinimumCapacityUnits}) must not be greater than MaximumCapacityUnits (${limits.MaximumCapacityUnits}).`,
        );
      }
      return policy.put(e, b, caller, b.ManagedScalingPolicy);
    },
  },
  GetManagedScalingPolicy: { validator: validateGetManagedScalingPolicyInput, run: policy.get },
  RemoveManagedScalingPolicy: { validator: validateRemoveManagedScalingPolicyInput, run: policy.remove },
};
