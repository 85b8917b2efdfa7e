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

/** ExecutionRoleArn is an IAM role ARN, any partition, role paths allowed (EMR API reference, AddJobFlowSteps). */
export const IAM_ROLE_ARN_PATTERN = /^arn:[a-z][a-z0-9-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * LogUri is `s3://bucket[/key]`, bucket named by S3's rules (EMR API reference, S3MonitoringConfiguration). The key
 * may be anything, so the pattern stops at the slash after the bucket rather than scanning the rest.
 */
export const S3_URI_PATTERN = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/|$)/;

/**
 * EncryptionKeyArn is a KMS key ARN (EMR API reference, S3MonitoringConfiguration); alias ARNs are accepted too,
 * as KMS resolves them wherever it encrypts.
 */
export const KMS_KEY_ARN_PATTERN = /^arn:[a-z][a-z0-9-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/[\w/+=,.@-]+$/;

/** TERMINATE_JOB_FLOW is the deprecated spelling of TERMINATE_CLUSTER (EMR API reference, StepConfig). */
export const DEPRECATED_ACTIONS_ON_FAILURE = ["TERMINATE_JOB_FLOW"] as const;

/** The actions that shut the cluster down, so that no later step of the request would run (EMR API reference). */
export const TERMINATING_ACTIONS_ON_FAILURE = ["TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW"] as const;

/** The jar that runs its arguments as a command (EMR Management Guide, "Run commands and scripts on a cluster"). */
export const COMMAND_RUNNER_JAR = "command-runner.jar";

/** Where EMR documents each rule emrkit checks beyond the model; the `source` of every issue of that code. */
export const RULE_SOURCES = {
  "too-many-steps": "EMR API reference, AddJobFlowSteps; EMR Management Guide, Work with steps",
  "hadoop-jar-step-too-long": "EMR API reference, HadoopJarStepConfig",
  "invalid-arn": "EMR API reference, AddJobFlowSteps (ExecutionRoleArn); IAM User Guide, IAM ARNs",
  "invalid-s3-uri": "EMR API reference, S3MonitoringConfiguration (LogUri)",
  "invalid-kms-key-arn": "EMR API reference, S3MonitoringConfiguration (EncryptionKeyArn)",
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
