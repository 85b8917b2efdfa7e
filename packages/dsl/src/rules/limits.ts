/**
 * The EMR limits emrkit enforces beyond the model, each named once, with where EMR documents it. The DSL's rules,
 * the runtime and the emulator all read them from here.
 */

/**
 * At most 256 steps in one request. EMR documents no limit per request as such: the API reference says "A maximum
 * of 256 steps are allowed in each job flow" (AddJobFlowSteps), and the Management Guide "You can have up to 256
 * PENDING and RUNNING steps in a cluster" ("Submit work to an Amazon EMR cluster"); a request of 257 would exceed
 * that even on an idle cluster, so 256 a request follows from both.
 */
export const MAX_STEPS_PER_REQUEST = 256;

/**
 * PENDING + RUNNING steps a cluster may hold: "You can have up to 256 PENDING and RUNNING steps in a cluster", and
 * "an unlimited number of steps over the lifetime" (Management Guide, "Submit work to an Amazon EMR cluster").
 */
export const MAX_ACTIVE_STEPS = 256;

/**
 * "The string values passed into HadoopJarStep object cannot exceed a total of 10240 characters" (EMR API reference,
 * AddJobFlowSteps). Which characters is not said; the rule counts UTF-16 units (hadoop-jar-step-too-long.ts says why).
 */
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

/** TERMINATE_JOB_FLOW is the deprecated spelling of TERMINATE_CLUSTER (EMR API reference, StepConfig). */
export const DEPRECATED_ACTIONS_ON_FAILURE = ["TERMINATE_JOB_FLOW"] as const;

/** The actions that shut the cluster down, so that no later step of the request would run (EMR API reference). */
export const TERMINATING_ACTIONS_ON_FAILURE = ["TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW"] as const;

/** The jar that runs its arguments as a command (EMR Management Guide, "Run commands and scripts on a cluster"). */
export const COMMAND_RUNNER_JAR = "command-runner.jar";

/** Where EMR documents each rule emrkit checks beyond the model; the `source` of every issue of that code. */
export const RULE_SOURCES = {
  "too-many-steps":
    'EMR API reference, AddJobFlowSteps ("A maximum of 256 steps are allowed in each job flow"); EMR Management Guide, Submit work to an Amazon EMR cluster ("up to 256 PENDING and RUNNING steps")',
  "hadoop-jar-step-too-long": "EMR API reference, AddJobFlowSteps (string values of HadoopJarStep, 10240 in total)",
  "invalid-arn":
    "EMR API reference, AddJobFlowSteps (ExecutionRoleArn); IAM User Guide, IAM identifiers (IAM ARNs); IAM API reference, CreateRole (RoleName, Path)",
  "invalid-s3-uri":
    "EMR API reference, S3MonitoringConfiguration (LogUri); S3 User Guide, General purpose bucket naming rules",
  "legacy-s3-bucket-name": "S3 User Guide, General purpose bucket naming rules (legacy names, before March 1, 2018)",
  "invalid-kms-key-arn":
    "EMR API reference, S3MonitoringConfiguration (EncryptionKeyArn); AWS KMS Developer Guide, Key identifiers (KeyId)",
  "action-on-failure-with-concurrency": "EMR API reference, StepConfig (ActionOnFailure)",
  "cluster-state": "EMR API reference, AddJobFlowSteps",
  "deprecated-action-on-failure": "EMR API reference, StepConfig (ActionOnFailure)",
  "steps-after-terminate": "EMR API reference, StepConfig (ActionOnFailure)",
  "duplicate-step-name": "emrkit: EMR accepts duplicate names, but ListSteps and the logs cannot tell them apart",
  "empty-command-runner-arg": "EMR Management Guide, Run commands and scripts on a cluster (command-runner.jar)",
  "command-line-in-one-arg": "EMR Management Guide, Run commands and scripts on a cluster (command-runner.jar)",
} as const;

/** Where the constraints of the API model come from. */
export const MODEL_SOURCE = "EMR API model (emr-2009-03-31)";
