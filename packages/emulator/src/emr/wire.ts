import type { ClusterRecord, StepRecord } from "./records.js";

/** Records as EMR's JSON shows them: PascalCase, timestamps in epoch seconds. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export function clusterStatus(c: ClusterRecord) {
  return {
    State: c.state,
    StateChangeReason: c.reason ?? {},
    Timeline: { CreationDateTime: seconds(c.created), ReadyDateTime: seconds(c.ready), EndDateTime: seconds(c.ended) },
  };
}

export function clusterJson(c: ClusterRecord) {
  return {
    Id: c.id,
    Name: c.name,
    Status: clusterStatus(c),
    ClusterArn: `arn:aws:elasticmapreduce:us-east-1:000000000000:cluster/${c.id}`,
    AutoTerminate: !c.keepAlive,
    StepConcurrencyLevel: c.concurrency,
    LogUri: c.logUri,
    ReleaseLabel: c.releaseLabel,
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
