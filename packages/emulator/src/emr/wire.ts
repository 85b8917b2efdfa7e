import type { ClusterRecord, StepRecord } from "./records.js";

/** Records as EMR's JSON shows them: PascalCase, timestamps in epoch seconds (clusters in full: cluster-wire.ts). */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export function clusterStatus(c: ClusterRecord) {
  return {
    State: c.state,
    StateChangeReason: c.reason ?? {},
    Timeline: { CreationDateTime: seconds(c.created), ReadyDateTime: seconds(c.ready), EndDateTime: seconds(c.ended) },
  };
}

export function stepJson(s: StepRecord) {
  return {
    Id: s.id,
    Name: s.name,
    ActionOnFailure: s.actionOnFailure,
    Config: {
      Jar: s.jar,
      MainClass: s.mainClass,
      Args: s.args,
      Properties: Object.fromEntries(s.properties.map((p) => [p.Key, p.Value])),
    },
    Status: {
      State: s.state,
      StateChangeReason: s.reason === undefined ? {} : { Message: s.reason },
      FailureDetails: s.failure,
      Timeline: {
        CreationDateTime: seconds(s.created),
        StartDateTime: seconds(s.started),
        EndDateTime: seconds(s.ended),
      },
    },
  };
}
