/**
 * The EMR limits emrkit enforces beyond the model, each named once, with where EMR documents it. The DSL's rules,
 * the runtime and the emulator all read them from here.
 */

/** "You can submit a maximum of 256 steps in one AddJobFlowSteps request" (EMR API reference, AddJobFlowSteps). */
export const MAX_STEPS_PER_REQUEST = 256;

/** PENDING + RUNNING steps a cluster may hold (Management Guide, "Work with steps"); the lifetime total is unlimited. */
export const MAX_ACTIVE_STEPS = 256;

/** The strings of one HadoopJarStep may total at most 10,240 characters (EMR API reference, HadoopJarStepConfig). */
export const MAX_HADOOP_JAR_STEP_CHARACTERS = 10_240;

/** StepConcurrencyLevel is 1–256, release emr-5.28.0 and later (EMR API reference, ModifyCluster). */
export const MIN_STEP_CONCURRENCY = 1;
export const MAX_STEP_CONCURRENCY = 256;

/** Steps can be added only while the cluster is in one of these states (EMR API reference, AddJobFlowSteps). */
export const STEP_ADDABLE_CLUSTER_STATES = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"] as const;

/** With StepConcurrencyLevel above 1, AddJobFlowSteps refuses these (EMR API reference, StepConfig.ActionOnFailure). */
export const ACTIONS_REFUSED_WITH_CONCURRENCY = ["CANCEL_AND_WAIT", "TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW"] as const;

/** ListSteps returns at most 50 steps a page; its StepIds filter takes at most 10 ids (model documentation). */
export const LIST_STEPS_PAGE_SIZE = 50;
export const LIST_STEPS_MAX_STEP_IDS = 10;

/** CancelSteps takes at most 256 step ids (EMR API reference, CancelSteps). */
export const CANCEL_STEPS_MAX_IDS = 256;

/** The states a step is done in: every one of them ends a wait, INTERRUPTED included. */
export const TERMINAL_STEP_STATES = ["COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"] as const;

/** The states a cluster is gone in. */
export const TERMINAL_CLUSTER_STATES = ["TERMINATED", "TERMINATED_WITH_ERRORS"] as const;
