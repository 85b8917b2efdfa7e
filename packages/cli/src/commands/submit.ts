import { EMRClient, RunJobFlowCommand } from "@aws-sdk/client-emr";
import { formatIssues, redact } from "@emrkit/dsl";
import { startEmulator } from "@emrkit/emulator";
import { PreflightError, run } from "@emrkit/runtime";
import { closeOnSignal } from "../close-on-signal.js";
import { loadSteps } from "../load-steps.js";
import type { Output } from "../output.js";
import { terminalProgress } from "../progress.js";

export interface SubmitOptions {
  cluster?: string;
  local?: boolean;
  region?: string;
  endpoint?: string;
  wait: boolean;
  json?: boolean;
  /** With `local`: keep the emulator's data directory, and say where it is. */
  keep?: boolean;
}

/**
 * `emrkit submit FILE (--cluster j-… | --local)`: runs the steps and follows them to the end, a line per state
 * change, then a summary; exits 1 if any step did not complete, saying which and why. The local emulator's data
 * (a temporary directory) is removed when the command ends, even on Ctrl-C or SIGTERM, unless `--keep` is given.
 */
export async function submitCommand(file: string, options: SubmitOptions, out: Output): Promise<number> {
  if (!options.cluster === !options.local) {
    out.error("give exactly one of --cluster j-… and --local");
    return 2;
  }
  if (options.keep && !options.local) {
    out.error("--keep goes with --local: it keeps the local emulator's data");
    return 2;
  }
  const loaded = await loadSteps(file);
  if (loaded.issues.some((i) => i.severity === "error")) {
    out.error(redact(formatIssues(loaded.issues)));
    return 1;
  }
  const emulator = options.local ? await startEmulator(options.keep ? { keepData: true } : {}) : undefined;
  const kept = emulator && !emulator.temporaryData ? emulator.dataDir : undefined;
  // A live display on a terminal; plain lines when the output goes to a file or a pipe.
  let live: ReturnType<typeof terminalProgress> | undefined;
  const stopOnSignal = closeOnSignal(async () => {
    await live?.interrupt();
    await emulator?.close();
  });
  try {
    const client = new EMRClient({
      ...(options.region ? { region: options.region } : emulator ? { region: "us-east-1" } : {}),
      ...(emulator
        ? { endpoint: emulator.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    const clusterId = options.cluster ?? (await localCluster(client));
    if (emulator && !options.json)
      out.error(
        `local emulator ${emulator.endpoint}, cluster ${clusterId}, logs in ${emulator.logRoot}${kept ? `, data kept in ${kept}` : ""}`,
      );
    const request = { ...loaded.request, JobFlowId: clusterId, Steps: loaded.steps };
    const job = run(request, {
      client,
      pollIntervalMs: emulator ? 100 : 15_000,
      maxPollIntervalMs: emulator ? 500 : 60_000,
      ...(loaded.after ? { dependencies: loaded.after } : {}),
    });
    for await (const event of job) {
      if (options.json) continue;
      if (event.type === "submitted") {
        out.error(`submitted ${event.steps.length} steps${options.wait ? "" : ": not waiting"}`);
        if (!options.wait) return 0;
        if (process.stderr.isTTY) live = terminalProgress(event.steps);
      }
      if (live) live.update(event);
      else if (event.type === "step") out.error(`${event.at.toISOString()} ${event.step.name} ${event.state}`);
    }
    await live?.done();
    const result = await job.result;
    if (options.json) {
      out.log(
        JSON.stringify(
          {
            ok: result.ok,
            clusterId,
            steps: result.steps.map((s) => ({ id: s.stepId, name: s.name, state: s.state })),
          },
          null,
          2,
        ),
      );
    } else {
      out.log(result.steps.map((s) => `${s.state.padEnd(11)} ${s.stepId}  ${s.name}`).join("\n"));
      for (const s of result.steps.filter((step) => step.failure)) {
        out.log(
          redact(`${s.name} failed: ${s.failure?.probableCause?.summary ?? s.failure?.message ?? "no reason given"}`),
        );
      }
      if (result.cancelled.length > 0) out.log(`cancelled as a result: ${result.cancelled.join(", ")}`);
    }
    return result.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof PreflightError) {
      out.error(redact(formatIssues(error.issues)));
      return 1;
    }
    throw error;
  } finally {
    // A signal that comes while it closes waits for the same close, then exits.
    await emulator?.close();
    stopOnSignal();
    if (kept) out.error(`local data kept in ${kept}`);
  }
}

async function localCluster(client: EMRClient): Promise<string> {
  const { JobFlowId } = await client.send(
    new RunJobFlowCommand({
      Name: "emrkit-local",
      ReleaseLabel: "emr-7.5.0",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    }),
  );
  return JobFlowId!;
}
