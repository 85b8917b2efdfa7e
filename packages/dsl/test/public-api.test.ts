/**
 * What `@emrkit/dsl` exports from its generated code, by its published name: the model's types and validators and
 * the support module's public part, and not the machinery the generated validators share (the linear-time matcher
 * and its programs, the value tests), which used to leak through `export *`.
 */
import * as dsl from "@emrkit/dsl";
import { expect, test } from "vitest";

test("the generated validators and how to run them are exported", () => {
  for (const name of [
    "check",
    "nearest",
    "validators",
    "predicates",
    "validateAddJobFlowStepsInput",
    "ActionOnFailure",
  ])
    expect(dsl, name).toHaveProperty(name);
  expect(dsl.MAX_NESTING).toBe(256);
  const issues = dsl.check(dsl.validators.HadoopJarStepConfig!, { Jar: 1 });
  expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual(["type Jar"]);
});

test("the support module's machinery is not", () => {
  for (const name of [
    "matchesLinear",
    "isTimestamp",
    "documentProblem",
    "hasDuplicates",
    "byteLength",
    "isStreamingBlob",
    "isAsyncIterable",
    "lengthOutside",
    "report",
    "formatPath",
    "describeType",
    "show",
    "isObject",
  ])
    expect(dsl, name).not.toHaveProperty(name);
});
