/**
 * The property behind injected-failures.test.ts, over any script: fast-check picks the requests (clusters made,
 * steps added that succeed, fail or run long, levels changed, steps cancelled, clusters terminated, pauses while steps
 * end on their own) and where one fault lands (which write or fsync, and what it does). Whatever it picks, a request
 * hit is refused alone, a change of the emulator's own hit makes it read-only, and a restart shows exactly what was
 * acknowledged, nothing more. A failing case shrinks to the shortest script and the earliest fault that break it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runWithFault } from "./fault-check.js";
import { type Fault, FSYNC_FAULTS, WRITE_FAULTS } from "./faulty-fs.js";
import type { Command, StepKind } from "./scenario.js";

const STRESS = process.env.EMRKIT_STRESS === "1";

const kinds = fc.array(fc.constantFrom<StepKind>("ok", "ok", "fail", "long"), { minLength: 1, maxLength: 3 });
const pick = fc.nat(5);
const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: kinds.map((steps) => ({ op: "run" as const, steps })), weight: 1 },
  { arbitrary: fc.record({ cluster: pick, steps: kinds }).map((c) => ({ op: "add" as const, ...c })), weight: 4 },
  {
    arbitrary: fc
      .record({ cluster: pick, level: fc.integer({ min: 1, max: 4 }) })
      .map((c) => ({ op: "modify" as const, ...c })),
    weight: 1,
  },
  {
    arbitrary: fc.record({ cluster: pick, step: fc.nat(20) }).map((c) => ({ op: "cancel" as const, ...c })),
    weight: 1,
  },
  { arbitrary: pick.map((cluster) => ({ op: "terminate" as const, cluster })), weight: 1 },
  { arbitrary: fc.constant({ op: "settle" as const }), weight: 1 },
);
const script = fc
  .tuple(kinds, fc.array(command, { minLength: 2, maxLength: STRESS ? 14 : 8 }))
  .map(([first, rest]): Command[] => [{ op: "run", steps: first }, ...rest]);
const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    on: fc.constant("write" as const),
    at: fc.integer({ min: 1, max: 20 }),
    kind: fc.constantFrom(...WRITE_FAULTS),
  }),
  fc.record({
    on: fc.constant("fsync" as const),
    at: fc.integer({ min: 1, max: 15 }),
    kind: fc.constantFrom(...FSYNC_FAULTS),
  }),
);

describe("one journal fault anywhere in any script", () => {
  it("leaves exactly what was acknowledged after a restart", async () => {
    const landed: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(script, fault, async (commands, f) => {
        const run = await runWithFault(commands, f);
        landed[run.landed] = (landed[run.landed] ?? 0) + 1;
        expect(run.wrong).toEqual([]);
      }),
      { numRuns: STRESS ? 400 : 20 },
    );
    console.log(`failure anywhere: ${JSON.stringify(landed)}`);
  }, 1_200_000);
});
