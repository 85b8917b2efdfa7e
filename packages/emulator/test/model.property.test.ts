/**
 * Model-based test: fast-check drives the emulator over HTTP with random sequences of operations — adding steps
 * that succeed or fail with each ActionOnFailure, listing with filters and pages, describing, cancelling,
 * terminating, restarting on the same data directory — and after each one compares what EMR's API shows with a
 * model of EMR's rules small enough to be obviously right. One step at a time (StepConcurrencyLevel 1) and a
 * settled cluster after each command keep the expected outcome independent of timing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StepState } from "@aws-sdk/client-emr";
import fc from "fast-check";
import { describe, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { AddSteps } from "./model/add-steps.js";
import { DescribeOrCancel } from "./model/describe-or-cancel.js";
import { ListByState } from "./model/list-by-state.js";
import { type Action, agrees, type Model, type Real, tally } from "./model/model.js";
import { Restart } from "./model/restart.js";
import { Terminate } from "./model/terminate.js";
import { clientFor, cluster } from "./support.js";

const STRESS = process.env.EMRKIT_STRESS === "1";
const succeedsMostly = fc.oneof(
  { arbitrary: fc.constant(true), weight: 3 },
  { arbitrary: fc.constant(false), weight: 1 },
);
const action = fc.constantFrom<Action>("CONTINUE", "CANCEL_AND_WAIT", "TERMINATE_CLUSTER");
const addSteps = fc
  .array(fc.record({ ok: succeedsMostly, action }), { minLength: 1, maxLength: 4 })
  .map((specs) => new AddSteps(specs));
// Adds are most of what happens; a termination ends the useful part of a sequence, so it is rare.
const commands = fc.commands(
  [
    addSteps,
    addSteps,
    addSteps,
    addSteps,
    fc
      .subarray<StepState>(["COMPLETED", "FAILED", "CANCELLED", "PENDING"], { minLength: 1 })
      .map((states) => new ListByState(states)),
    fc.nat().map((pick) => new DescribeOrCancel(pick)),
    fc.constant(new Restart()),
    fc.nat(2).map((n) => (n === 0 ? new Terminate() : new Restart())),
  ],
  { maxCommands: STRESS ? 30 : 8 },
);
const keepsAliveMostly = fc.oneof(
  { arbitrary: fc.constant(true), weight: 5 },
  { arbitrary: fc.constant(false), weight: 1 },
);

describe("the emulator against a model of EMR's rules", () => {
  it(
    "shows what EMR would after any sequence of adds, lists, cancels, terminations and restarts",
    async () => {
      let sequences = 0;
      await fc.assert(
        fc.asyncProperty(keepsAliveMostly, commands, async (keepAlive, cmds) => {
          sequences++;
          const dataDir = mkdtempSync(join(tmpdir(), "emrkit-model-"));
          const emu = await startEmulator({ dataDir, clusterStartupMs: 0 });
          const client = clientFor(emu.endpoint);
          const real: Real = { emu, client, dataDir, added: 0, clusterId: await cluster(client, { keepAlive }) };
          const model: Model = { keepAlive, cluster: keepAlive ? "WAITING" : "TERMINATED", steps: [] };
          try {
            await agrees(model, real);
            await fc.asyncModelRun(() => ({ model, real }), cmds);
            tally.commands += [...cmds].length;
          } finally {
            await real.emu.close();
            rmSync(dataDir, { recursive: true, force: true });
          }
        }),
        { numRuns: STRESS ? 300 : 25 },
      );
      console.log(
        `model-based: ${sequences} sequences, ${tally.commands} commands, ${tally.steps} steps run: all agreed with the model`,
      );
    },
    STRESS ? 1_800_000 : 60_000,
  );
});
