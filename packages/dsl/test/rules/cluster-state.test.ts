/** Steps can be added only while the cluster is STARTING, BOOTSTRAPPING, RUNNING or WAITING. */
import { boundaryTable } from "./boundary-table.js";
import { request } from "./requests.js";

const ok: string[] = [];
const bad = ["cluster-state@JobFlowId"];
const inState = (clusterState: string, expected: string[], edge: string) => ({
  edge,
  what: JSON.stringify(clusterState),
  input: request(),
  context: { clusterState },
  expected,
});

boundaryTable("cluster-state", [
  ...["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"].map((s) => inState(s, ok, "at the limit")),
  ...["TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"].map((s) => inState(s, bad, "one over")),
  inState("", bad, "empty"),
  inState("WAITING ", bad, "whitespace"),
  inState("WAITING😀", bad, "astral"),
  inState("waiting", bad, "case"),
]);
