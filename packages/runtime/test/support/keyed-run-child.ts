/**
 * A pipeline in a process of its own, for the restart tests: `run()` with an idempotency key against the endpoint
 * in EMRKIT_TEST_ENDPOINT, printing each event and then the result as JSON lines, so the parent can kill it at a
 * chosen moment and run it again.
 */
import { EMRClient } from "@aws-sdk/client-emr";
import { run } from "@emrkit/runtime";

const { EMRKIT_TEST_ENDPOINT, EMRKIT_TEST_CLUSTER, EMRKIT_TEST_KEY, EMRKIT_TEST_STEPS } = process.env;
const client = new EMRClient({
  region: "us-east-1",
  endpoint: EMRKIT_TEST_ENDPOINT!,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const Steps = Array.from({ length: Number(EMRKIT_TEST_STEPS) }, (_, i) => ({
  Name: `step-${i}`,
  ActionOnFailure: "CONTINUE" as const,
  HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
}));
const job = run(
  { JobFlowId: EMRKIT_TEST_CLUSTER!, Steps },
  {
    client,
    idempotencyKey: EMRKIT_TEST_KEY!,
    pollIntervalMs: 20,
    maxPollIntervalMs: 60,
    requestTimeoutMs: 2_000,
    readBackWindowMs: 1_000,
    retry: { attempts: 10, baseDelayMs: 5, maxDelayMs: 40 },
    onEvent: (event) => console.log(JSON.stringify({ event: event.type, ...eventInfo(event) })),
  },
);
const result = await job.result;
console.log(JSON.stringify({ result: { ok: result.ok, ids: result.steps.map((s) => s.stepId) } }));
client.destroy();

function eventInfo(event: Parameters<NonNullable<Parameters<typeof run>[1]>["onEvent"] & {}>[0]) {
  if (event.type === "step") return { state: event.state };
  if (event.type === "retry") return { operation: event.operation };
  if (event.type === "submitted" || event.type === "resumed") return { steps: event.steps.length };
  return {};
}
