/**
 * Reusable templates inside a larger program: a backfill tool that turns a range of days into one request. The
 * templates are half-built steps — builders are immutable, so each day derives its own step from them and the
 * templates never change.
 */
import { type AddJobFlowStepsInput, command, jobFlow, script } from "@emrkit/dsl";

const nightly = command("nightly", ["spark-submit", "--deploy-mode", "cluster"]).onFailure("CONTINUE");
const compact = script("compact", "s3://my-etl-bucket/jobs/compact.sh").onFailure("CONTINUE");

export function backfill(clusterId: string, from: string, to: string): AddJobFlowStepsInput {
  const request = jobFlow(clusterId);
  const days: string[] = [];
  for (let day = new Date(from); day <= new Date(to); day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  const steps = days.flatMap((day) => [
    nightly.name(`nightly ${day}`).args("s3://my-etl-bucket/jobs/nightly.py", "--day", day),
    compact.name(`compact ${day}`).args(day),
  ]);
  return request.add(...steps).build();
}
