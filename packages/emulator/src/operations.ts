import {
  CANCEL_STEPS_MAX_IDS,
  check,
  type Issue,
  LIST_STEPS_MAX_STEP_IDS,
  LIST_STEPS_PAGE_SIZE,
  MAX_STEP_CONCURRENCY,
  MIN_STEP_CONCURRENCY,
  predicates,
  type StepConfig,
  type Validator,
  validate,
  validateAddJobFlowStepsInput,
  validateCancelStepsInput,
  validateDescribeClusterInput,
  validateDescribeStepInput,
  validateListClustersInput,
  validateListStepsInput,
  validateModifyClusterInput,
  validateRunJobFlowInput,
  validateSteps,
  validateTerminateJobFlowsInput,
} from "@emrkit/dsl";
import { EmrError, invalidRequest, validationError } from "./emr-error.js";
import type { Engine, StepSpec } from "./engine.js";
import type { ClusterRecord, StepRecord } from "./records.js";
import { clusterJson, clusterStatus, stepJson } from "./wire.js";

// biome-ignore lint/suspicious/noExplicitAny: the body has passed the generated validator of its input shape first.
type Body = Record<string, any>;
type Operation = (engine: Engine, body: Body) => unknown;

/** The operations the emulator serves, each checked first with the generated validator of its input. */
export const OPERATIONS: Record<string, { validator: Validator; run: Operation }> = {
  RunJobFlow: {
    validator: validateRunJobFlowInput,
    run: (engine, b) => {
      const steps = (b.Steps ?? []) as StepConfig[];
      const concurrency = concurrencyLevel(b.StepConcurrencyLevel ?? 1);
      // A new cluster's steps meet the same rules as added ones: at most 256, each within EMR's limits.
      refuseErrors(validateSteps(steps, { stepConcurrencyLevel: concurrency }));
      const cluster = engine.createCluster(
        {
          name: b.Name,
          keepAlive: b.Instances?.KeepJobFlowAliveWhenNoSteps === true,
          concurrency,
          ...(b.LogUri ? { logUri: b.LogUri } : {}),
          ...(b.ReleaseLabel ? { releaseLabel: b.ReleaseLabel } : {}),
        },
        steps.map(stepSpec),
      );
      return { JobFlowId: cluster.id, ClusterArn: clusterJson(cluster).ClusterArn };
    },
  },
  DescribeCluster: {
    validator: validateDescribeClusterInput,
    run: (e, b) => ({ Cluster: clusterJson(e.cluster(b.ClusterId)) }),
  },
  ListClusters: {
    validator: validateListClustersInput,
    run: (e, b) => {
      const wanted = b.ClusterStates as string[] | undefined;
      const all = [...e.clusters.values()];
      const show = (c: ClusterRecord) => ({ Id: c.id, Name: c.name, Status: clusterStatus(c) });
      return newestFirst(
        "Clusters",
        all,
        (c) => c,
        (c) => !wanted || wanted.includes(c.state),
        show,
        b.Marker,
      );
    },
  },
  TerminateJobFlows: {
    validator: validateTerminateJobFlowsInput,
    run: (e, b) => {
      const clusters = (b.JobFlowIds as string[]).map((id) => e.cluster(id, validationError));
      for (const c of clusters) e.terminate(c);
      return {};
    },
  },
  ModifyCluster: {
    validator: validateModifyClusterInput,
    run: (e, b) => {
      const cluster = e.cluster(b.ClusterId);
      if (b.StepConcurrencyLevel !== undefined) e.setConcurrency(cluster, concurrencyLevel(b.StepConcurrencyLevel));
      return { StepConcurrencyLevel: cluster.concurrency };
    },
  },
  AddJobFlowSteps: {
    validator: validateAddJobFlowStepsInput,
    run: (e, b) => {
      const cluster = e.cluster(b.JobFlowId, () => validationError("Specified job flow ID does not exist."));
      // The DSL's rules, with what only the emulator knows about the cluster (EMR applies the same ones).
      refuseErrors(validate(b, { stepConcurrencyLevel: cluster.concurrency, clusterState: cluster.state }));
      return { StepIds: e.addSteps(cluster, (b.Steps as StepConfig[]).map(stepSpec)).map((s) => s.id) };
    },
  },
  ListSteps: {
    validator: validateListStepsInput,
    run: (e, b) => {
      const cluster = e.cluster(b.ClusterId);
      const states = b.StepStates as string[] | undefined;
      const ids = b.StepIds as string[] | undefined;
      if (ids && ids.length > LIST_STEPS_MAX_STEP_IDS) {
        throw validationError(`StepIds has ${ids.length} ids; ListSteps takes at most ${LIST_STEPS_MAX_STEP_IDS}.`);
      }
      const wanted = (s: StepRecord) => (!states || states.includes(s.state)) && (!ids || ids.includes(s.id));
      return newestFirst("Steps", cluster.steps, (id) => e.steps.get(id)!, wanted, stepJson, b.Marker);
    },
  },
  DescribeStep: {
    validator: validateDescribeStepInput,
    run: (e, b) => {
      const cluster = e.cluster(b.ClusterId);
      const step = e.steps.get(b.StepId);
      if (!step || step.clusterId !== cluster.id) throw invalidRequest(`Step id '${b.StepId}' is not valid.`);
      return { Step: stepJson(step) };
    },
  },
  CancelSteps: {
    validator: validateCancelStepsInput,
    run: (e, b) => {
      const cluster = e.cluster(b.ClusterId);
      const option = b.StepCancellationOption ?? "SEND_INTERRUPT";
      if (b.StepIds.length > CANCEL_STEPS_MAX_IDS) {
        throw validationError(
          `StepIds has ${b.StepIds.length} ids; CancelSteps takes at most ${CANCEL_STEPS_MAX_IDS}.`,
        );
      }
      return {
        CancelStepsInfoList: (b.StepIds as string[]).map((id) => {
          const step = e.steps.get(id);
          if (!step || step.clusterId !== cluster.id)
            return { StepId: id, Status: "FAILED", Reason: `Step id '${id}' is not valid.` };
          return { StepId: id, ...e.cancel(step, option) };
        }),
      };
    },
  },
};

/** The DSL's rules as EMR applies them: the first error is a ValidationException naming its path. */
function refuseErrors({ issues }: { issues: readonly Issue[] }): void {
  const error = issues.find((i) => i.severity === "error");
  if (error) throw validationError(`${error.path}: ${error.message}`);
}

/** StepConcurrencyLevel, in RunJobFlow or ModifyCluster: 1–256 (EMR API reference, ModifyCluster). */
function concurrencyLevel(level: number): number {
  if (level < MIN_STEP_CONCURRENCY || level > MAX_STEP_CONCURRENCY) {
    throw invalidRequest(
      `StepConcurrencyLevel must be between ${MIN_STEP_CONCURRENCY} and ${MAX_STEP_CONCURRENCY}, but is ${level}.`,
    );
  }
  return level;
}

/** Checks a request body against its operation's input shape: a ValidationException naming every issue. */
export function checkInput(operation: string, body: unknown): void {
  // The generated fast predicate first: a valid body (nearly all of them) costs no walk with paths.
  const issues = check(OPERATIONS[operation]!.validator, body, [], predicates[`${operation}Input`]);
  if (issues.length > 0) {
    throw new EmrError(
      "ValidationException",
      issues
        .slice(0, 10)
        .map((i) => `${i.path || "request"}: ${i.message}`)
        .join("; "),
    );
  }
}

function stepSpec(s: StepConfig): StepSpec {
  const jar = s.HadoopJarStep;
  return {
    name: s.Name,
    actionOnFailure: s.ActionOnFailure ?? "TERMINATE_CLUSTER",
    jar: jar.Jar,
    ...(jar.MainClass ? { mainClass: jar.MainClass } : {}),
    args: jar.Args ?? [],
    properties: (jar.Properties ?? []).map((p) => ({ Key: p.Key ?? "", Value: p.Value ?? "" })),
  };
}

/**
 * A page of 50 items, newest first, as ListSteps and ListClusters give them. The marker is the position (counted
 * from the oldest item) where the next page starts, so items added between two pages neither repeat nor shift
 * what a caller has not read yet. Only the items up to the end of the page are looked at, however many there are.
 */
function newestFirst<K, T>(
  key: "Steps" | "Clusters",
  items: readonly K[],
  get: (item: K) => T,
  wanted: (item: T) => boolean,
  show: (item: T) => unknown,
  marker: unknown,
) {
  if (marker !== undefined && !(typeof marker === "string" && /^\d{1,15}$/.test(marker))) {
    throw invalidRequest(`Marker ${JSON.stringify(marker)} is not one this endpoint gave.`);
  }
  const last = items.length - 1;
  let i = marker === undefined ? last : Math.min(Number(marker), last);
  const page: unknown[] = [];
  for (; i >= 0; i--) {
    const item = get(items[i]!);
    if (!wanted(item)) continue;
    if (page.length === LIST_STEPS_PAGE_SIZE) return { [key]: page, Marker: String(i) };
    page.push(show(item));
  }
  return { [key]: page };
}
