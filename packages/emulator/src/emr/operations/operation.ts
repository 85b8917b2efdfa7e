import type { Issue, Validator } from "@emrkit/dsl";
import type { Caller } from "../../sigv4/caller.js";
import { validationError } from "../emr-error.js";
import type { Engine } from "../engine.js";

// biome-ignore lint/suspicious/noExplicitAny: the body has passed the generated validator of its input shape first.
export type Body = Record<string, any>;

/**
 * One operation: the generated validator of its input, checked first, and what it does to the engine for a caller
 * (whose region and account the clusters it sees belong to).
 */
export interface Operation {
  readonly validator: Validator;
  run(engine: Engine, body: Body, caller: Caller): unknown;
}

/** The DSL's rules as EMR applies them: the first error is a ValidationException naming its path. */
export function refuseErrors({ issues }: { issues: readonly Issue[] }): void {
  const error = issues.find((i) => i.severity === "error");
  if (error) throw validationError(`${error.path}: ${error.message}`);
}
