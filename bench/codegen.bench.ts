/**
 * The generator's speed: the whole EMR model (every operation, every emitter) in one process, stage by stage,
 * median of a few warm runs; then every pinned model in models/ (`pnpm models`), with the cost per shape, which
 * should stay flat as models grow. Goal: the whole EMR model under 2 s. With `EMRKIT_BENCH_MODELS=DIR` (a folder
 * laid out like models/all: `pnpm models --all`), the scale row: every service of both formats (codegen/scale.ts).
 * While working on the generator: `EMRKIT_BENCH_ONLY=ec2,sns` narrows the row to the models whose file names start
 * so, and `EMRKIT_BENCH_TSC=0` leaves out the type check (its verdicts then read as compiling).
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  emitDocs,
  emitSchemas,
  emitTypes,
  emitValidators,
  generate,
  loadModelFile,
  selectOperations,
} from "@emrkit/codegen";
import { scaleRow } from "./codegen/scale-row.js";

const MODELS = fileURLToPath(new URL("../models/", import.meta.url));
const WARM_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

const ms = (n: number) => n.toFixed(1);

export default async function bench(): Promise<void> {
  const emr = `${MODELS}botocore/emr-2009-03-31.service-2.json`;
  if (!existsSync(emr)) {
    console.log(`SKIPPED: ${emr} is missing; run \`pnpm models\``);
    return;
  }
  const cold = time(() => generate({ model: emr }))[1];
  const stages: Record<string, number[]> = {
    load: [],
    select: [],
    types: [],
    validators: [],
    schema: [],
    docs: [],
    total: [],
  };
  for (let run = 0; run < WARM_RUNS; run++) {
    const [loaded, load] = time(() => loadModelFile(emr));
    const [service, select] = time(() =>
      selectOperations(
        loaded,
        loaded.operations.map((op) => op.name),
      ),
    );
    const types = time(() => emitTypes(service))[1];
    const validators = time(() => emitValidators(service))[1];
    const schema = time(() => emitSchemas(service))[1];
    const docs = time(() => emitDocs(service))[1];
    const total = time(() => generate({ model: emr }))[1];
    for (const [stage, value] of Object.entries({ load, select, types, validators, schema, docs, total }))
      stages[stage]!.push(value);
  }
  const service = loadModelFile(emr);
  console.log(
    `EMR botocore model: ${service.operations.length} operations, ${service.shapes.size} shapes; first run (cold) ${ms(cold)} ms`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(stages).map(([stage, values]) => [
        stage,
        { "median ms": ms(median(values)), "min ms": ms(Math.min(...values)) },
      ]),
    ),
  );
  const total = median(stages.total!);
  console.log(
    `whole EMR model: ${ms(total)} ms warm, ${ms(cold)} ms cold — goal < 2000 ms: ${cold < 2000 && total < 2000 ? "met" : "NOT met"}`,
  );

  const rows: Record<string, Record<string, string | number>> = {};
  let allShapes = 0;
  let allMs = 0;
  for (const format of ["botocore", "smithy"]) {
    if (!existsSync(`${MODELS}${format}`)) continue;
    for (const file of readdirSync(`${MODELS}${format}`).sort()) {
      if (!file.endsWith(".json") || /paginators|waiters/.test(file)) continue;
      const path = `${MODELS}${format}/${file}`;
      const shapes = loadModelFile(path).shapes.size;
      const runs = Array.from({ length: WARM_RUNS }, () => time(() => generate({ model: path }))[1]);
      const m = median(runs);
      allShapes += shapes;
      allMs += m;
      rows[`${format}/${file}`] = { shapes, "median ms": ms(m), "ms/shape": (m / shapes).toFixed(3) };
    }
  }
  rows["all models together"] = {
    shapes: allShapes,
    "median ms": ms(allMs),
    "ms/shape": (allMs / allShapes).toFixed(3),
  };
  console.table(rows);

  const scale = process.env.EMRKIT_BENCH_MODELS;
  if (scale === undefined) console.log("scale row SKIPPED: set EMRKIT_BENCH_MODELS to a folder like models/all");
  else
    scaleRow(scale, {
      only: (process.env.EMRKIT_BENCH_ONLY ?? "").split(",").filter((s) => s !== ""),
      compile: process.env.EMRKIT_BENCH_TSC !== "0",
    });
}
