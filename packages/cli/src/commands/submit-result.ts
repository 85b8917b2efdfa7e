import { redact } from "@emrkit/dsl";
import type { RunResult, StepHandle, StepResult } from "@emrkit/runtime";
import { jsonDocument } from "../json/json-output.js";
import type { Output } from "../output.js";
import { plural } from "../plural.js";
import { formatDuration } from "../progress/duration.js";

/** What the run was: where, and whether it waited or was interrupted. */
export interface RunContext {
  clusterId: string;
  region: string;
  local: boolean;
  total: number;
  elapsedMs: number;
  interrupted?: NodeJS.Signals;
  /** The local emulator's data, logs included, is removed when the command ends. */
  logsRemoved?: boolean;
}

/** A line per step, each failure's probable cause and log, what was not submitted, then one line of counts. */
export function printResult(result: RunResult, context: RunContext, out: Output): void {
  const lines = result.steps.map((s) => `${s.state.padEnd(11)} ${s.stepId}  ${s.name}`);
  for (const s of result.steps.filter((step) => step.failure)) {
    const failure = s.failure!;
    lines.push(
      `${s.name} failed: ${failure.probableCause?.summary ?? failure.message ?? failure.reason ?? "no reason given"}`,
    );
    const log = failure.probableCause?.logFile ?? failure.logFile;
    if (log !== undefined)
      lines.push(`  log: ${log}${context.logsRemoved ? " (removed as emrkit ends; --keep keeps it)" : ""}`);
    if (failure.logError !== undefined) lines.push(`  log not read: ${failure.logError}`);
  }
  for (const s of result.notSubmitted) lines.push(`not submitted: ${s.name} (${s.reason})`);
  lines.push(`${summaryLine(result, context.total)} · ${formatDuration(context.elapsedMs)}`);
  out.log(redact(lines.join("\n")));
}

/** `3 steps: 2 completed, 1 failed`, counting every step of the file once. */
export function summaryLine(result: RunResult, total: number): string {
  const counts = new Map<string, number>();
  for (const s of result.steps) counts.set(s.state.toLowerCase(), (counts.get(s.state.toLowerCase()) ?? 0) + 1);
  const parts = [...counts].map(([state, n]) => `${n} ${state}`);
  if (result.notSubmitted.length > 0) parts.push(`${result.notSubmitted.length} not submitted`);
  return `${plural(total, "step")}: ${parts.length > 0 ? parts.join(", ") : "none submitted"}`;
}

export function resultJson(result: RunResult, context: RunContext): string {
  return jsonDocument("submit", {
    ok: result.ok && context.interrupted === undefined,
    clusterId: context.clusterId,
    region: context.region,
    local: context.local,
    waited: true,
    ...(context.interrupted === undefined ? {} : { interrupted: context.interrupted }),
    steps: result.steps.map(stepJson),
    cancelled: result.cancelled,
    notSubmitted: result.notSubmitted,
    counts: countsJson(result, context.total),
    elapsedMs: Math.round(context.elapsedMs),
  });
}

/** `--no-wait`: the steps as submitted, their ids to follow them by. */
export function submittedJson(handles: readonly StepHandle[], context: RunContext): string {
  return jsonDocument("submit", {
    ok: true,
    clusterId: context.clusterId,
    region: context.region,
    local: context.local,
    waited: false,
    steps: handles.map(handleJson),
    cancelled: [],
    notSubmitted: [],
    counts: { total: context.total, submitted: handles.length },
    elapsedMs: Math.round(context.elapsedMs),
  });
}

function handleJson(s: StepHandle): Record<string, unknown> {
  return {
    id: s.stepId,
    name: s.name,
    consoleUrl: s.consoleUrl,
    ...(s.logPrefix === undefined ? {} : { logPrefix: s.logPrefix }),
  };
}

function stepJson(s: StepResult): Record<string, unknown> {
  return { ...handleJson(s), state: s.state, ...(s.failure === undefined ? {} : { failure: s.failure }) };
}

function countsJson(result: RunResult, total: number): Record<string, number> {
  const count = (state: string) => result.steps.filter((s) => s.state === state).length;
  return {
    total,
    submitted: result.steps.length,
    completed: count("COMPLETED"),
    failed: count("FAILED"),
    cancelled: count("CANCELLED"),
    interrupted: count("INTERRUPTED"),
    notSubmitted: result.notSubmitted.length,
  };
}
