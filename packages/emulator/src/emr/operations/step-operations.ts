import {
  CANCEL_STEPS_MAX_IDS,
  LIST_STEPS_MAX_STEP_IDS,
  type StepConfig,
  validate,
  validateAddJobFlowStepsInput,
  validateCancelStepsInput,
  validateDescribeStepInput,
  validateListStepsInput,
} from "@emrkit/dsl";
import { ownedCluster } from "../cluster-owner.js";
import { invalidRequest, validationError } from "../emr-error.js";
import type { StepSpec } from "../engine.js";
import type { StepRecord } from "../records.js";
import { stepJson } from "../wire.js";
import { newestFirst } from "./newest-first.js";
import { type Operation, refuseErrors } from "./operation.js";

/** The operations on a cluster's steps: add, list, describe, cancel. */
export const STEP_OPERATIONS: Record<string, Operation> = {
  AddJobFlowSteps: {
    validator: validateAddJobFlowStepsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.JobFlowId, () =>
        validationError("Specified job flow ID does not exist."),
      );
      // The DSL's rules, with what only the emulator knows about the cluster (EMR applies the same ones).
      refuseErrors(validate(b, { stepConcurrencyLevel: cluster.concurrency, clusterState: cluster.state }));
      return { StepIds: e.addSteps(cluster, (b.Steps as StepConfig[]).map(stepSpec)).map((s) => s.id) };
    },
  },
  ListSteps: {
    validator: validateListStepsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
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
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
      const step = e.steps.get(b.StepId);
      if (!step || step.clusterId !== cluster.id) throw invalidRequest(`Step id '${b.StepId}' is not valid.`);
      return { Step: stepJson(step) };
    },
  },
  CancelSteps: {
    validator: validateCancelStepsInput,
    run: (e, b, caller) => {
      const cluster = ownedCluster(e, caller, b.ClusterId);
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

/**
 * A step as the engine keeps it. A step sent without ActionOnFailure gets CONTINUE: the API reference documents no
 * default (StepConfig: "Required: No"), and CONTINUE is what every AWS tool that fills the field in sends (the AWS
 * CLI's add-steps and create-cluster --steps, the console, the CDK's EmrAddStep), and the only value a cluster with
 * StepConcurrencyLevel above 1 accepts. A guess at the API's own default, which no AWS document states.
 */
export function stepSpec(s: StepConfig): StepSpec {
  const jar = s.HadoopJarStep;
  return {
    name: s.Name,
    actionOnFailure: s.ActionOnFailure ?? "CONTINUE",
    jar: jar.Jar,
    ...(jar.MainClass ? { mainClass: jar.MainClass } : {}),
    args: jar.Args ?? [],
    properties: (jar.Properties ?? []).map((p) => ({ Key: p.Key ?? "", Value: p.Value ?? "" })),
  };
}
