/**
 * No field validation may be slow, whatever the value: for every pattern-bearing string shape of every service
 * model in models/ (`pnpm models`), the generated validator runs on hostile values — one walk of the pattern pumped
 * to lengths up to the field's maximum (10,280 when it has none), then a character that spoils the match — and on
 * a value far past the maximum (which the length check must stop before the pattern). The row is the slowest single
 * validation (median of five warm runs). Goal: none over 10 ms on this machine.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateFrom, loadModelFile } from "@emrkit/codegen";
import { parseJavaRegex } from "../packages/codegen/src/emit/patterns/parse-java-regex.js";
import { translatePattern } from "../packages/codegen/src/emit/patterns/translate-pattern.js";
import { patternStrings } from "../packages/codegen/test/helpers/pattern-strings.js";

const MODELS = fileURLToPath(new URL("../models/", import.meta.url));
const GOAL_MS = 10;
const NO_MAX = 10_280;

type Validator = (value: unknown, walk: { path: (string | number)[]; issues: unknown[] }) => void;

async function importValidators(service: ReturnType<typeof loadModelFile>): Promise<Record<string, Validator>> {
  const dir = mkdtempSync(join(tmpdir(), "emrkit-bench-patterns-"));
  try {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    for (const [file, text] of generateFrom(service, ["validators"])) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const module = await import(pathToFileURL(join(dir, "validators.generated.ts")).href);
    return module.validators as Record<string, Validator>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function hostileValues(pattern: string, max: number): string[] {
  const walks = patternStrings(parseJavaRegex(pattern).root, 8, 5, 6).filter((s) => s.length > 0);
  const lengths = [Math.min(64, max), Math.floor(max / 2), max].filter((n, i, all) => n > 0 && all.indexOf(n) === i);
  return walks.flatMap((walk) =>
    lengths.flatMap((length) => {
      const body = walk.repeat(Math.ceil(length / walk.length)).slice(0, Math.max(0, length - 1));
      return [`${body}!`, `${body}\n`, `${body}\u0000`, body];
    }),
  );
}

export default async function bench(): Promise<void> {
  const manifest = JSON.parse(readFileSync(`${MODELS}manifest.json`, "utf8")) as { models: { file: string }[] };
  const files = manifest.models.map((m) => m.file).filter((f) => !/paginators|waiters/.test(f));
  let worst = { ms: 0, where: "", length: 0 };
  let fields = 0;
  let runs = 0;
  const byKind = { regex: 0, linear: 0, skip: 0 };
  for (const file of files) {
    const service = loadModelFile(`${MODELS}${file}`);
    const validators = await importValidators(service);
    for (const shape of service.shapes.values()) {
      if (shape.kind !== "string" || !shape.pattern || !validators[shape.name]) continue;
      fields++;
      byKind[translatePattern(shape.pattern).kind]++;
      const max = shape.length?.max ?? NO_MAX;
      const values = hostileValues(shape.pattern, Math.min(max, NO_MAX));
      // Far past a maximum: the length check answers, the pattern is never run.
      if (max <= NO_MAX) values.push("a".repeat(max * 5 + 1));
      for (const value of values) {
        const validate = validators[shape.name]!;
        const times: number[] = [];
        for (let i = 0; i < 6; i++) {
          const started = performance.now();
          validate(value, { path: [], issues: [] });
          times.push(performance.now() - started);
        }
        // The median of the warm runs: a collection or a neighbour's burst on a shared machine is not the check's cost.
        const ms = times.slice(1).sort((a, b) => a - b)[2]!;
        runs++;
        if (ms > worst.ms) worst = { ms, where: `${file} ${shape.name}`, length: value.length };
      }
    }
  }
  console.log("slowest single field validation, hostile values up to each field's maximum");
  console.log("| fields | validations | RegExp / linear matcher / skipped | slowest | where | goal |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(
    `| ${fields} | ${runs} | ${byKind.regex} / ${byKind.linear} / ${byKind.skip} | ${worst.ms.toFixed(2)} ms | ${worst.where} (${worst.length} chars) | ≤ ${GOAL_MS} ms: ${worst.ms <= GOAL_MS ? "met" : "NOT met"} |`,
  );
}
