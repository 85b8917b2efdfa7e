/**
 * Many concurrent SDK clients on many clusters of the emulator (its own process): adding steps, listing one page,
 * walking every page. A walk sees each step once and every step acknowledged before it began; at the end every
 * acknowledged step is listed exactly once, in its request's order, and nothing else is. Requests per second are
 * printed, never asserted.
 */
import { AddJobFlowStepsCommand, ListStepsCommand, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp-dir.js";
import { emrClient, listAllSteps, STRESS, serveProcess } from "./harness.js";

const CLIENTS = STRESS ? 128 : 32;
const SECONDS = STRESS ? 30 : 3;
const CLUSTERS = STRESS ? 48 : 16;
const STEP_STATES = ["PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"];

const random = (n: number) => Math.floor(Math.random() * n);

describe("load", () => {
  it(`${CLIENTS} clients adding and listing steps on ${CLUSTERS} clusters for ${SECONDS} s lose and double nothing`, async () => {
    const server = await serveProcess(tempDir("emrkit-load-"));
    const figures = { requests: 0, adds: 0, pages: 0, walks: 0, steps: 0, refusedAtActiveLimit: 0, reqPerSec: 0 };
    try {
      const setup = emrClient(server.endpoint);
      const clusters: string[] = [];
      for (let i = 0; i < CLUSTERS; i++) {
        const out = await setup.send(
          new RunJobFlowCommand({
            Name: `load ${i}`,
            ReleaseLabel: "emr-7.0.0",
            Instances: { KeepJobFlowAliveWhenNoSteps: true },
            StepConcurrencyLevel: 1 + (i % 3),
          }),
        );
        clusters.push(out.JobFlowId!);
      }
      setup.destroy();
      const acked = new Map<string, string[][]>(clusters.map((c) => [c, []]));
      const unexpected: string[] = [];
      const started = Date.now();
      const deadline = started + SECONDS * 1000;

      const worker = async (w: number) => {
        const emr = emrClient(server.endpoint);
        for (let n = 0; Date.now() < deadline; n++) {
          const cluster = clusters[random(clusters.length)]!;
          const roll = random(10);
          try {
            if (roll < 7) {
              const count = 1 + random(5);
              const Steps = Array.from({ length: count }, (_, i) => ({
                Name: `w${w}-${n}-${i}`,
                ActionOnFailure: "CONTINUE" as const,
                HadoopJarStep: { Jar: "command-runner.jar", Args: ["true"] },
              }));
              figures.requests++;
              try {
                const { StepIds } = await emr.send(new AddJobFlowStepsCommand({ JobFlowId: cluster, Steps }));
                acked.get(cluster)!.push(StepIds!);
                figures.adds++;
              } catch (error) {
                const e = error as Error;
                if (e.name !== "ValidationException" || !/Maximum number of active steps/.test(e.message)) throw e;
                figures.refusedAtActiveLimit++;
              }
            } else if (roll < 9) {
              figures.requests++;
              figures.pages++;
              const { Steps = [] } = await emr.send(new ListStepsCommand({ ClusterId: cluster }));
              expect(Steps.length).toBeLessThanOrEqual(50);
              expect(new Set(Steps.map((s) => s.Id)).size).toBe(Steps.length);
              for (const s of Steps) expect(STEP_STATES).toContain(s.Status!.State);
            } else {
              // Read your writes, through pages, while others append: every step acknowledged before the walk.
              const before = acked.get(cluster)!.flat();
              const walk = await listAllSteps(emr, cluster);
              figures.walks++;
              figures.requests += Math.max(1, Math.ceil(walk.length / 50));
              const ids = new Set(walk.map((s) => s.Id!));
              expect(ids.size).toBe(walk.length);
              for (const id of before) expect(ids.has(id), `${id} acknowledged but not listed`).toBe(true);
            }
          } catch (error) {
            unexpected.push(`${(error as Error).name}: ${(error as Error).message}`);
          }
        }
        emr.destroy();
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)));
      const elapsed = (Date.now() - started) / 1000;
      figures.reqPerSec = Math.round(figures.requests / elapsed);
      expect(unexpected).toEqual([]);

      const check = emrClient(server.endpoint);
      const everywhere = new Set<string>();
      let listedTotal = 0;
      for (const cluster of clusters) {
        const listed = (await listAllSteps(check, cluster)).reverse().map((s) => s.Id!);
        listedTotal += listed.length;
        for (const id of listed) {
          expect(id).toMatch(/^s-[A-Z0-9]+$/);
          expect(everywhere.has(id), `${id} listed twice`).toBe(false);
          everywhere.add(id);
        }
        const position = new Map(listed.map((id, i) => [id, i]));
        for (const ids of acked.get(cluster)!) {
          figures.steps += ids.length;
          const where = ids.map((id) => position.get(id) ?? -1);
          expect(where, "every acknowledged step, in its request's order, side by side").toEqual(
            ids.map((_, k) => where[0]! + k),
          );
          expect(where[0]).toBeGreaterThanOrEqual(0);
        }
      }
      // Every request was answered, so nothing but acknowledged steps may be there.
      expect(listedTotal).toBe(figures.steps);
      check.destroy();
    } finally {
      console.log(`load figures${STRESS ? " (stress)" : ""}: ${JSON.stringify(figures)}`);
      server.child.kill("SIGTERM");
      await server.exit;
    }
  }, 600_000);
});
