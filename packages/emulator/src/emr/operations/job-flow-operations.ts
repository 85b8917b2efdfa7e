import { validateDescribeJobFlowsInput } from "@emrkit/dsl";
import { belongsTo } from "../cluster-owner.js";
import type { Engine } from "../engine.js";
import { jobFlowJson, jobFlowState } from "../job-flow-wire.js";
import { type ClusterRecord, ENDED_CLUSTER } from "../records.js";
import type { Operation } from "./operation.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Amazon EMR can return a maximum of 512 job flow descriptions." (API reference, DescribeJobFlows) */
const MAX_JOB_FLOWS = 512;

/**
 * DescribeJobFlows, deprecated but still called by old tools. Its selection, after the API reference: the ids,
 * states and creation window asked for; with none of them, the job flows created and ended in the last two weeks
 * and those created in the last two months that are still STARTING, RUNNING, WAITING or SHUTTING_DOWN. Oldest
 * first (a guess).
 */
export const JOB_FLOW_OPERATIONS: Record<string, Operation> = {
  DescribeJobFlows: {
    validator: validateDescribeJobFlowsInput,
    run: (e, b, caller) => {
      const ids = b.JobFlowIds as string[] | undefined;
      const states = b.JobFlowStates as string[] | undefined;
      const after = b.CreatedAfter === undefined ? undefined : Number(b.CreatedAfter) * 1000;
      const before = b.CreatedBefore === undefined ? undefined : Number(b.CreatedBefore) * 1000;
      const unfiltered = !ids && !states && after === undefined && before === undefined;
      const now = Date.now();
      const chosen = (c: ClusterRecord) => {
        if (unfiltered) {
          return ENDED_CLUSTER.has(c.state)
            ? c.created >= now - 14 * DAY_MS && (c.ended ?? now) >= now - 14 * DAY_MS
            : c.created >= now - 60 * DAY_MS;
        }
        return (
          (!ids || ids.includes(c.id)) &&
          (!states || states.includes(jobFlowState(c))) &&
          (after === undefined || c.created >= after) &&
          (before === undefined || c.created <= before)
        );
      };
      const clusters = owned(e, caller).filter(chosen).slice(-MAX_JOB_FLOWS);
      return { JobFlows: clusters.map((c) => jobFlowJson(e, c)) };
    },
  },
};

function owned(e: Engine, caller: Parameters<typeof belongsTo>[1]): ClusterRecord[] {
  return [...e.clusters.values()].filter((c) => belongsTo(c, caller));
}
