import {
  validateSetKeepJobFlowAliveWhenNoStepsInput,
  validateSetTerminationProtectionInput,
  validateSetVisibleToAllUsersInput,
} from "@emrkit/dsl";
import type { Caller } from "../../sigv4/caller.js";
import { ownedCluster } from "../cluster-owner.js";
import { validationError } from "../emr-error.js";
import type { Engine } from "../engine.js";
import type { ClusterRecord } from "../records.js";
import type { Body, Operation } from "./operation.js";

/** The settings a cluster keeps for its life, set on several clusters at once (JobFlowIds). */
export const CLUSTER_SETTING_OPERATIONS: Record<string, Operation> = {
  // "To terminate a cluster that has been locked by setting SetTerminationProtection to true, you must first unlock
  // the job flow by a subsequent call to SetTerminationProtection in which you set the value to false." (API reference)
  SetTerminationProtection: {
    validator: validateSetTerminationProtectionInput,
    run: (e, b, caller) => setOn(e, b, caller, (c) => e.update(c, { terminationProtected: b.TerminationProtected })),
  },
  // Kept and shown back; the emulator has no IAM users for it to matter to.
  SetVisibleToAllUsers: {
    validator: validateSetVisibleToAllUsersInput,
    run: (e, b, caller) => setOn(e, b, caller, (c) => e.update(c, { visibleToAllUsers: b.VisibleToAllUsers })),
  },
  // Takes effect when the cluster next runs out of steps: one already WAITING waits on until a step ends (a guess).
  SetKeepJobFlowAliveWhenNoSteps: {
    validator: validateSetKeepJobFlowAliveWhenNoStepsInput,
    run: (e, b, caller) => setOn(e, b, caller, (c) => e.update(c, { keepAlive: b.KeepJobFlowAliveWhenNoSteps })),
  },
};

/** Every cluster named must be the caller's, or none is changed (the request is one change, undone whole). */
function setOn(e: Engine, b: Body, caller: Caller, set: (cluster: ClusterRecord) => void): Record<string, never> {
  const clusters = (b.JobFlowIds as string[]).map((id) =>
    ownedCluster(e, caller, id, () => validationError(`Cluster id '${id}' is not valid.`)),
  );
  for (const c of clusters) set(c);
  return {};
}
