/**
 * The DSL's speed: `validate` on a typical request (10 steps) and on the largest legal one (256 steps near the
 * 10,240-character limit), side by side with ajv (+ EMR rules), zod v4 and a floor (the model's regex over every
 * string). Goals: faster than ajv and zod on both, within 1.25× of the floor. Two more rows split the model check:
 * the generated fast predicate, which is all a valid request costs, and the reporting walk, which only an invalid
 * one pays. Then building with the builders against writing the same object literals (goal ≤ 2×), beside a builder
 * that mutates itself, the floor of any builder. The DSL is measured compiled (bench/dsl/built.ts builds it first),
 * as it ships.
 */
import type { StepConfig } from "@emrkit/dsl";
import { dsl } from "./dsl/built.js";
import { formatMs, measure } from "./dsl/measure.js";
import { MutableSparkStep } from "./dsl/mutable-builder.js";
import { ajvWithRules, floor, zodCheck } from "./dsl/peers.js";
import { largest, typical, typicalStep } from "./dsl/requests.js";

const { check, isValidAddJobFlowStepsInput, jobFlow, spark, validate, validateAddJobFlowStepsInput } = dsl;

function validation(): void {
  for (const [label, request] of [
    ["typical (10 steps)", typical],
    ["largest (256 steps × ~10,000 chars)", largest],
  ] as const) {
    if (!validate(request).ok || !ajvWithRules(request) || !zodCheck(request) || floor(request) < 0) {
      throw new Error(`the ${label} request is not valid for every contender`);
    }
    const t = measure({
      emrkit: () => validate(request),
      ajv: () => ajvWithRules(request),
      zod: () => zodCheck(request),
      floor: () => floor(request),
      "model: fast predicate": () => isValidAddJobFlowStepsInput(request),
      "model: reporting walk": () => check(validateAddJobFlowStepsInput, request),
    });
    console.log(`validate, ${label}`);
    console.log("| contender | time | time / emrkit | emrkit / floor |");
    console.log("| --- | --- | --- | --- |");
    for (const [name, ms] of Object.entries(t)) {
      const vs = `${(ms / t.emrkit!).toFixed(2)}×`;
      const floorRatio =
        name === "floor"
          ? `${(t.emrkit! / ms).toFixed(2)}× (goal ≤ 1.25×)`
          : name.startsWith("model")
            ? `(this row / floor: ${(ms / t.floor!).toFixed(2)}×)`
            : "";
      console.log(`| ${name} | ${formatMs(ms)} | ${vs} | ${floorRatio} |`);
    }
    console.log("");
  }
}

const KMS = typical.Steps[0]!.StepMonitoringConfiguration!.S3MonitoringConfiguration!.EncryptionKeyArn!;

/** The same 10 steps as typicalStep, through the builders. */
function built(i: number): StepConfig {
  return spark(`nightly-etl-${i}`)
    .deployMode("cluster")
    .conf("spark.executor.memory", "4g")
    .conf("spark.dynamicAllocation.enabled", "true")
    .app("s3://analytics-artifacts/jobs/etl.py", "--day", "2024-01-01", "--table", `events_${i}`)
    .monitoring({ logUri: `s3://analytics-logs/steps/${i}/`, encryptionKeyArn: KMS })
    .toStepConfig();
}

/** The same, through a builder that mutates itself: the floor of any builder (bench/dsl/mutable-builder.ts). */
function builtMutably(i: number): StepConfig {
  return new MutableSparkStep(`nightly-etl-${i}`)
    .deployMode("cluster")
    .conf("spark.executor.memory", "4g")
    .conf("spark.dynamicAllocation.enabled", "true")
    .app("s3://analytics-artifacts/jobs/etl.py", "--day", "2024-01-01", "--table", `events_${i}`)
    .monitoring({ logUri: `s3://analytics-logs/steps/${i}/`, encryptionKeyArn: KMS })
    .toStepConfig();
}

function building(): void {
  for (const way of [built, builtMutably]) {
    if (JSON.stringify(way(3)) !== JSON.stringify(typicalStep(3))) throw new Error(`${way.name} and literals differ`);
  }
  const role = typical.ExecutionRoleArn!;
  const t = measure({
    "literals (10 steps)": () => Array.from({ length: 10 }, (_, i) => typicalStep(i)),
    "builders (10 steps)": () => Array.from({ length: 10 }, (_, i) => built(i)),
    "floor: a mutable builder (10 steps)": () => Array.from({ length: 10 }, (_, i) => builtMutably(i)),
    "literals + validate": () =>
      validate({
        JobFlowId: "j-1",
        Steps: Array.from({ length: 10 }, (_, i) => typicalStep(i)),
        ExecutionRoleArn: role,
      }),
    "jobFlow().add().build()": () =>
      Array.from({ length: 10 }, (_, i) => built(i))
        .reduce((flow, step) => flow.add(step), jobFlow("j-1"))
        .executionRole(role)
        .build(),
  });
  // Each way against what it replaces, and the goal it has (the mutable builder is a reference, with none).
  const rows: [way: string, against: string, goal: string][] = [
    ["literals (10 steps)", "literals (10 steps)", "(goal ≤ 2×)"],
    ["builders (10 steps)", "literals (10 steps)", "(goal ≤ 2×)"],
    ["floor: a mutable builder (10 steps)", "literals (10 steps)", "(no goal: a reference)"],
    ["literals + validate", "literals + validate", "(goal ≤ 2×)"],
    ["jobFlow().add().build()", "literals + validate", "(goal ≤ 2×)"],
  ];
  console.log("building a typical request");
  console.log("| way | time | vs what it replaces |");
  console.log("| --- | --- | --- |");
  for (const [way, against, goal] of rows) {
    console.log(`| ${way} | ${formatMs(t[way]!)} | ${(t[way]! / t[against]!).toFixed(2)}× ${goal} |`);
  }
}

export default async function bench(): Promise<void> {
  validation();
  building();
}
