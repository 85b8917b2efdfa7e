import { check, predicates } from "@emrkit/dsl";
import { EmrError } from "../emr-error.js";
import { AUTO_TERMINATION_OPERATIONS } from "./auto-termination-operations.js";
import { CLUSTER_OPERATIONS } from "./cluster-operations.js";
import { CLUSTER_SETTING_OPERATIONS } from "./cluster-setting-operations.js";
import { INSTANCE_OPERATIONS } from "./instance-operations.js";
import { JOB_FLOW_OPERATIONS } from "./job-flow-operations.js";
import { MANAGED_SCALING_OPERATIONS } from "./managed-scaling-operations.js";
import type { Operation } from "./operation.js";
import { RELEASE_OPERATIONS } from "./release-operations.js";
import { STEP_OPERATIONS } from "./step-operations.js";
import { TAG_OPERATIONS } from "./tag-operations.js";

/** The operations the emulator serves, each checked first with the generated validator of its input. */
export const OPERATIONS: Record<string, Operation> = {
  ...AUTO_TERMINATION_OPERATIONS,
  ...CLUSTER_OPERATIONS,
  ...CLUSTER_SETTING_OPERATIONS,
  ...INSTANCE_OPERATIONS,
  ...JOB_FLOW_OPERATIONS,
  ...MANAGED_SCALING_OPERATIONS,
  ...RELEASE_OPERATIONS,
  ...STEP_OPERATIONS,
  ...TAG_OPERATIONS,
};

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
