import { check, predicates } from "@emrkit/dsl";
import { EmrError } from "../emr-error.js";
import { CLUSTER_OPERATIONS } from "./cluster-operations.js";
import type { Operation } from "./operation.js";
import { STEP_OPERATIONS } from "./step-operations.js";

/** The operations the emulator serves, each checked first with the generated validator of its input. */
export const OPERATIONS: Record<string, Operation> = { ...CLUSTER_OPERATIONS, ...STEP_OPERATIONS };

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
