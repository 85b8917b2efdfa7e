import { redact } from "../secrets/secret.js";
import { RULE_SOURCES, STEP_ADDABLE_CLUSTER_STATES } from "./limits.js";
import type { Rule } from "./rule.js";

const source = RULE_SOURCES["cluster-state"];
const addable = new Set<string>(STEP_ADDABLE_CLUSTER_STATES);

/** Steps can be added only while the cluster is STARTING, BOOTSTRAPPING, RUNNING or WAITING. */
export const clusterState: Rule = {
  code: "cluster-state",
  source,
  checkRequest({ context }, issues) {
    const state = context.clusterState;
    if (typeof state !== "string" || addable.has(state)) return;
    // The state is no secret, but an issue carries no string unredacted.
    const shownState = redact(state);
    issues.push({
      code: "cluster-state",
      severity: "error",
      path: "JobFlowId",
      message: `names a cluster in state ${shownState}, but steps can be added only in ${STEP_ADDABLE_CLUSTER_STATES.join(", ")}`,
      source,
      state: shownState,
    });
  },
};
