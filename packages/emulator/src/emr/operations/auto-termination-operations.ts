import {
  validateGetAutoTerminationPolicyInput,
  validatePutAutoTerminationPolicyInput,
  validateRemoveAutoTerminationPolicyInput,
} from "@emrkit/dsl";
import { ownedCluster } from "../cluster-owner.js";
import { validationError } from "../emr-error.js";
import { clusterPolicy } from "./cluster-policy.js";
import type { Operation } from "./operation.js";

/** "You can specify a minimum of 60 seconds and a maximum of 604800 seconds (seven days)" (API reference, AutoTerminationPolicy). */
const MIN_IDLE_TIMEOUT_S = 60;
const MAX_IDLE_TIMEOUT_S = 604_800;

const policy = clusterPolicy("AutoTerminationPolicy");

/**
 * A cluster's auto-termination policy (API reference, PutAutoTerminationPolicy, GetAutoTerminationPolicy,
 * RemoveAutoTerminationPolicy; AutoTerminationPolicy), kept as cluster-policy.ts says. Not acted on: an idle cluster
 * with a policy is not terminated after IdleTimeout here (a cluster that should end when idle is made without
 * KeepJobFlowAliveWhenNoSteps).
 */
export const AUTO_TERMINATION_OPERATIONS: Record<string, Operation> = {
  PutAutoTerminationPolicy: {
    validator: validatePutAutoTerminationPolicyInput,
    run: (e, b, caller) => {
      ownedCluster(e, caller, b.ClusterId);
      const given = b.AutoTerminationPolicy ?? {};
      const idle = given.IdleTimeout;
      if (idle !== undefined && (idle < MIN_IDLE_TIMEOUT_S || idle > MAX_IDLE_TIMEOUT_S)) {
        throw validationError(
          `AutoTerminationPolicy.IdleTimeout: ${idle} is not between ${MIN_IDLE_TIMEOUT_S} and ${MAX_IDLE_TIMEOUT_S} seconds.`,
        );
      }
      return policy.put(e, b, caller, given);
    },
  },
  GetAutoTerminationPolicy: { validator: validateGetAutoTerminationPolicyInput, run: policy.get },
  RemoveAutoTerminationPolicy: { validator: validateRemoveAutoTerminationPolicyInput, run: policy.remove },
};
