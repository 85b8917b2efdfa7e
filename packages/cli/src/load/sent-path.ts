import { cliPath, type StepConfig } from "@emrkit/dsl";

/** How a JSON file holds its steps: a request or `{ Steps }`, a bare list, one step, or the AWS CLI's `--steps`. */
export type Shape = "request" | "list" | "single" | "cli";

/**
 * A path into the steps as sent (`Steps[0].HadoopJarStep.Args[2]`, as preflight reports it) as a path into the
 * file as written: `[0]…` for a list, the step's own members for one step, and for a `--steps` file the entry's
 * keys, the arguments the CLI puts before a typed entry's Args (`spark-submit`, …) counted out, as the DSL's
 * checkCliSteps does (cliPath).
 */
export function sentPath(path: string, shape: Shape, value: unknown, steps: readonly StepConfig[]): string {
  if (shape === "request") return path;
  if (shape === "single") return path.replace(/^Steps\[0\]\.?/, "");
  if (shape === "list") return path.replace(/^Steps/, "");
  const entries = value as { Type?: unknown; Args?: unknown }[];
  const layouts = steps.map((step, i) => {
    const entry = entries[i] ?? {};
    const own = Array.isArray(entry.Args) ? entry.Args.length : 0;
    const wrapped = typeof entry.Type === "string" && entry.Type.toUpperCase() !== "CUSTOM_JAR";
    return { wrapped, head: wrapped ? (step.HadoopJarStep.Args?.length ?? 0) - own : 0 };
  });
  return cliPath(path, layouts);
}
