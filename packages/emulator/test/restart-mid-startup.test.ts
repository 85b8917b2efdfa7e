/**
 * A cluster's startup across a restart of the emulator on its data directory (engine.ts, `recover`), over HTTP with
 * @aws-sdk/client-emr. EMR's lifecycle is STARTING, then BOOTSTRAPPING (bootstrap actions), then RUNNING or WAITING
 * once it is ready to run steps (Management Guide, "Understanding the cluster lifecycle",
 * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-overview.html#emr-overview-cluster-lifecycle), and
 * ReadyDateTime is "the date and time when the cluster was ready to run steps" (API reference, ClusterTimeline). A
 * cluster still starting when the emulator stopped goes that whole way on the next start; one already ready stays
 * as it was, its ReadyDateTime unchanged.
 */
import { type Cluster, DescribeClusterCommand, type EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { clientFor, cluster, clusterIn, run, settled, started } from "./support.js";
import { tempDir } from "./temp-dir.js";

const STARTUP_MS = 1_200;

/** The states DescribeCluster gives, each once, until `until` or 20 s; and what it said last. */
async function statesSeen(client: EMRClient, ClusterId: string, until: (c: Cluster, since: number) => boolean) {
  const seen: string[] = [];
  const from = Date.now();
  for (;;) {
    const { Cluster } = await client.send(new DescribeClusterCommand({ ClusterId }));
    const state = Cluster!.Status!.State!;
    if (seen.at(-1) !== state) seen.push(state);
    if (until(Cluster!, Date.now() - from) || Date.now() - from > 20_000) return { seen, last: Cluster! };
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a cluster still STARTING when the emulator stopped", () => {
  it("goes through BOOTSTRAPPING on the next start, becomes ready with a ReadyDateTime, and runs its steps", async () => {
    const dataDir = tempDir("emrkit-restart-startup-");
    const first = await started({ dataDir, clusterStartupMs: 60_000 });
    const { JobFlowId } = await clientFor(first.endpoint).send(
      new RunJobFlowCommand({
        Name: "starting",
        ReleaseLabel: "emr-7.0.0",
        Instances: { KeepJobFlowAliveWhenNoSteps: true },
        Steps: [run("first", ["true"])],
      }),
    );
    const id = JobFlowId!;
    expect(
      (await clusterIn(clientFor(first.endpoint), id, "STARTING")).Status!.Timeline!.ReadyDateTime,
    ).toBeUndefined();
    await first.close();

    const restartedAt = Date.now();
    const client = clientFor((await started({ dataDir, clusterStartupMs: STARTUP_MS })).endpoint);
    const { seen, last } = await statesSeen(client, id, (c) => c.Status!.State === "WAITING");
    expect(seen[0]).toBe("STARTING");
    expect(seen).toContain("BOOTSTRAPPING");
    expect(seen.indexOf("BOOTSTRAPPING")).toBeLessThan(seen.indexOf("WAITING"));
    const ready = last.Status!.Timeline!.ReadyDateTime;
    expect(ready).toBeInstanceOf(Date);
    // Ready on this start, after its startup.
    expect(ready!.getTime()).toBeGreaterThanOrEqual(restartedAt + STARTUP_MS);
    const [step] = await settled(client, id);
    expect(step!.Status!.State).toBe("COMPLETED");
    expect(step!.Status!.Timeline!.StartDateTime!.getTime()).toBeGreaterThanOrEqual(ready!.getTime());
  }, 30_000);
});

describe("a cluster BOOTSTRAPPING when the emulator stopped", () => {
  it("is not ready before its startup on the next start, and then has a ReadyDateTime", async () => {
    const dataDir = tempDir("emrkit-restart-startup-");
    // BOOTSTRAPPING from 1.5 s to 3 s after RunJobFlow.
    const first = await started({ dataDir, clusterStartupMs: 3_000 });
    const id = await cluster(clientFor(first.endpoint), { keepAlive: true });
    await clusterIn(clientFor(first.endpoint), id, "BOOTSTRAPPING");
    await first.close();

    const restartedAt = Date.now();
    const client = clientFor((await started({ dataDir, clusterStartupMs: STARTUP_MS })).endpoint);
    const { seen, last } = await statesSeen(client, id, (c) => c.Status!.State === "WAITING");
    expect(seen).toEqual(["BOOTSTRAPPING", "WAITING"]);
    expect(last.Status!.Timeline!.ReadyDateTime!.getTime()).toBeGreaterThanOrEqual(restartedAt + STARTUP_MS);
  }, 30_000);
});

describe("a cluster already ready when the emulator stopped", () => {
  it("stays WAITING on the next start, never BOOTSTRAPPING again, its ReadyDateTime the one it had", async () => {
    const dataDir = tempDir("emrkit-restart-startup-");
    const first = await started({ dataDir, clusterStartupMs: 10 });
    const id = await cluster(clientFor(first.endpoint), { keepAlive: true });
    const before = await clusterIn(clientFor(first.endpoint), id, "WAITING");
    await first.close();

    const client = clientFor((await started({ dataDir, clusterStartupMs: 400 })).endpoint);
    // Past the moment a cluster starting afresh would have been ready again.
    const { seen, last } = await statesSeen(client, id, (_, since) => since > 1_000);
    expect(seen).toEqual(["WAITING"]);
    expect(last.Status!.Timeline!.ReadyDateTime).toEqual(before.Status!.Timeline!.ReadyDateTime);
    expect(last.Status!.StateChangeReason).toEqual(before.Status!.StateChangeReason);
  }, 30_000);
});
