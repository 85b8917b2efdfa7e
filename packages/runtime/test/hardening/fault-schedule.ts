import type { FaultRule } from "@emrkit/emulator";
import fc from "fast-check";

/** Set when `pnpm stress` runs: many more runs, larger requests, more faults each. */
export const STRESS = process.env.EMRKIT_STRESS === "1";

/** Per attempt, in the runtime's options: a `delay` fault longer than this is a timeout (outcome unknown). */
export const REQUEST_TIMEOUT_MS = 120;

/** Every operation the runtime may call; DescribeStep and CancelSteps too, though a run that completes calls neither. */
export const OPERATIONS = ["AddJobFlowSteps", "ListSteps", "DescribeCluster", "DescribeStep", "CancelSteps"] as const;

const ACTIONS = ["drop-after-commit", "throttle", "server-error", "delay"] as const;

/** How many calls of each operation a fault may let through first: a run makes few AddJobFlowSteps, many ListSteps. */
const SKIP_UP_TO: Record<(typeof OPERATIONS)[number], number> = {
  AddJobFlowSteps: 2,
  ListSteps: STRESS ? 40 : 15,
  DescribeCluster: 1,
  DescribeStep: 2,
  CancelSteps: 2,
};

/** One fault: an operation, an action, after `skip` calls of it, for `count` calls; delays short or past the timeout. */
export const faultRule: fc.Arbitrary<FaultRule> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constant("AddJobFlowSteps" as const) },
    { weight: 3, arbitrary: fc.constant("ListSteps" as const) },
    { weight: 2, arbitrary: fc.constant("DescribeCluster" as const) },
    { weight: 1, arbitrary: fc.constantFrom("DescribeStep" as const, "CancelSteps" as const) },
  )
  .chain((operation) =>
    fc
      .record({
        action: fc.constantFrom(...ACTIONS),
        count: fc.integer({ min: 1, max: STRESS ? 4 : 3 }),
        skip: fc.integer({ min: 0, max: SKIP_UP_TO[operation] }),
        delayMs: fc.oneof(
          fc.integer({ min: 1, max: REQUEST_TIMEOUT_MS / 2 }),
          fc.integer({ min: REQUEST_TIMEOUT_MS + 30, max: REQUEST_TIMEOUT_MS * 3 }),
        ),
      })
      .map(
        ({ delayMs, ...rule }): FaultRule => ({ operation, ...rule, ...(rule.action === "delay" ? { delayMs } : {}) }),
      ),
  );

/** A fault schedule: a random mix of rules, applied in the order given. */
export const faultSchedule: fc.Arbitrary<FaultRule[]> = fc.array(faultRule, {
  minLength: 1,
  maxLength: STRESS ? 14 : 8,
});

/**
 * How many steps a request has: mostly a few; in stress often past the 256 a call (chunking) and past 512. Normal
 * runs leave chunking to the fixed 270-step case, to stay within a few seconds.
 */
export const stepCount: fc.Arbitrary<number> = STRESS
  ? fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) },
      { weight: 2, arbitrary: fc.integer({ min: 41, max: 256 }) },
      { weight: 1, arbitrary: fc.integer({ min: 257, max: 700 }) },
    )
  : fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) }, fc.integer({ min: 41, max: 120 }));

/** The cluster's StepConcurrencyLevel: 1 (one at a time, in order) or above. */
export const concurrency: fc.Arbitrary<number> = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 2, max: 16 }),
  fc.constant(256),
);
