/**
 * What a restart must read back from the journal after a scenario: exactly what was acknowledged, nothing more —
 * the acknowledged clusters with their acknowledged steps, levels and terminations, and nothing of any request that
 * was refused; every state an acknowledged read showed ended still so; no step that ran (it has a log directory)
 * missing or pending again.
 */
import { type ClusterSummary, DescribeClusterCommand, paginateListClusters } from "@aws-sdk/client-emr";
import { type EmulatorOptions, startEmulator } from "../../src/index.js";
import { emrClient, listAllSteps } from "../hardening/harness.js";
import { type Observed, TERMINAL_STEP } from "./scenario.js";

const ENDED_CLUSTER = new Set(["TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"]);

/** The differences found, as sentences; none is the pass. */
export async function afterRestart(options: EmulatorOptions, seen: Observed): Promise<string[]> {
  // A cluster still starting stays so: nothing after the restart moves what is checked.
  const emu = await startEmulator({ ...options, clusterStartupMs: 600_000 });
  const emr = emrClient(emu.endpoint);
  const wrong: string[] = [];
  try {
    const clusters: ClusterSummary[] = [];
    for await (const page of paginateListClusters({ client: emr }, {})) clusters.push(...(page.Clusters ?? []));
    const names = clusters.map((c) => c.Name!).sort();
    const acked = seen.clusters.map((c) => c.name).sort();
    if (names.join() !== acked.join()) wrong.push(`clusters after restart ${names}, acknowledged ${acked}`);
    const states = new Map<string, { state: string; reason?: string }>();
    const names2 = new Set<string>(names);
    for (const c of seen.clusters) {
      const listed = (await listAllSteps(emr, c.id)).reverse();
      for (const s of listed) {
        states.set(s.Id!, {
          state: s.Status!.State!,
          ...(s.Status?.StateChangeReason?.Message ? { reason: s.Status.StateChangeReason.Message } : {}),
        });
        names2.add(s.Name!);
      }
      const got = listed.map((s) => s.Name).join();
      const want = c.steps.map((s) => s.name).join();
      if (got !== want) wrong.push(`${c.name}: steps after restart [${got}], acknowledged [${want}]`);
      const { Cluster } = await emr.send(new DescribeClusterCommand({ ClusterId: c.id }));
      states.set(c.id, { state: Cluster!.Status!.State! });
      if (Cluster!.StepConcurrencyLevel !== c.level) {
        wrong.push(`${c.name}: StepConcurrencyLevel ${Cluster!.StepConcurrencyLevel}, acknowledged ${c.level}`);
      }
      if (ENDED_CLUSTER.has(Cluster!.Status!.State!) !== c.terminated) {
        wrong.push(`${c.name}: ${Cluster!.Status!.State} after restart, termination acknowledged: ${c.terminated}`);
      }
    }
    for (const name of seen.notAcknowledged) if (names2.has(name)) wrong.push(`${name} was refused, and is there`);
    for (const name of seen.seenNames) if (!names2.has(name)) wrong.push(`${name} was shown by a read, and is gone`);
    for (const [id, before] of seen.seen) {
      const after = states.get(id)?.state;
      if ((TERMINAL_STEP.has(before) || before === "TERMINATED") && after !== before) {
        wrong.push(`${id} was shown ${before}, is ${after} after restart`);
      }
      if (before === "RUNNING" && (after === undefined || after === "PENDING")) {
        wrong.push(`${id} was shown RUNNING, is ${after} after restart`);
      }
    }
    for (const id of seen.cancelled) {
      if (!TERMINAL_STEP.has(states.get(id)?.state ?? ""))
        wrong.push(`${id}: its cancel was acknowledged, is ${states.get(id)?.state}`);
    }
    for (const [id, { reason }] of states) {
      if (reason === "Cancelled by user" && !seen.cancelled.has(id))
        wrong.push(`${id} says it was cancelled; no cancel of it was acknowledged`);
    }
    for (const id of seen.ran) {
      const after = states.get(id)?.state;
      if (after === undefined || after === "PENDING") wrong.push(`${id} ran, and is ${after ?? "gone"} after restart`);
    }
  } finally {
    emr.destroy();
    await emu.close();
  }
  return wrong;
}
