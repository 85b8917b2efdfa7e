import type { ModelIssueCode } from "../generated/validation-support.generated.js";

/** What every issue has: where (`Steps[3].HadoopJarStep.Args[2]`), how bad, and a message naming the limit. */
interface IssueBase {
  readonly severity: "error" | "warning";
  readonly path: string;
  /** Names the limit and the actual value; a secret value shows as ***. */
  readonly message: string;
  /** Where EMR documents the rule. */
  readonly source?: string;
  /** The value that was probably meant (`HadoopJarStep` for `hadoop_jar_step`). */
  readonly suggestion?: string;
}

/** A constraint of the EMR API model (length, pattern, enum, a required or unknown member, …). */
export interface ModelConstraintIssue extends IssueBase {
  readonly code: ModelIssueCode;
  readonly severity: "error";
}

/** More steps than one request or one cluster may hold. */
export interface TooManyStepsIssue extends IssueBase {
  readonly code: "too-many-steps";
  readonly severity: "error";
  readonly limit: number;
  readonly actual: number;
}

/** The strings of one HadoopJarStep are longer in total than EMR allows. */
export interface HadoopJarStepTooLongIssue extends IssueBase {
  readonly code: "hadoop-jar-step-too-long";
  readonly severity: "error";
  readonly limit: number;
  readonly actual: number;
}

/** The cluster is in a state in which steps cannot be added. */
export interface ClusterStateIssue extends IssueBase {
  readonly code: "cluster-state";
  readonly severity: "error";
  readonly state: string;
}

/** Rules whose issue carries nothing beyond the common fields. */
export type PlainRuleCode =
  | "invalid-arn"
  | "invalid-s3-uri"
  | "invalid-kms-key-arn"
  | "action-on-failure-with-concurrency";

export interface PlainRuleIssue extends IssueBase {
  readonly code: PlainRuleCode;
  readonly severity: "error";
}

/** Things EMR accepts and users regret; never fatal. */
export type WarningCode =
  | "deprecated-action-on-failure"
  | "legacy-s3-bucket-name"
  | "steps-after-terminate"
  | "duplicate-step-name"
  | "empty-command-runner-arg"
  | "command-line-in-one-arg";

export interface WarningIssue extends IssueBase {
  readonly code: WarningCode;
  readonly severity: "warning";
}

/** Every issue `validate` reports, discriminated on `code`. */
export type Issue =
  | ModelConstraintIssue
  | TooManyStepsIssue
  | HadoopJarStepTooLongIssue
  | ClusterStateIssue
  | PlainRuleIssue
  | WarningIssue;

export type IssueCode = Issue["code"];
export type RuleCode = Exclude<IssueCode, ModelIssueCode>;
