import { type Issue, type Secret, secret, validate } from "@emrkit/dsl";
import { describe, expectTypeOf, it } from "vitest";

describe("the issue model", () => {
  it("is a union discriminated on code", () => {
    const issue = validate({}).issues[0] as Issue;
    if (issue.code === "too-many-steps" || issue.code === "hadoop-jar-step-too-long") {
      expectTypeOf(issue.limit).toBeNumber();
      expectTypeOf(issue.actual).toBeNumber();
    }
    if (issue.code === "cluster-state") expectTypeOf(issue.state).toBeString();
    if (issue.code === "duplicate-step-name") expectTypeOf(issue.severity).toEqualTypeOf<"warning">();
    if (issue.code === "pattern") expectTypeOf(issue.severity).toEqualTypeOf<"error">();
    // @ts-expect-error only the counting rules carry a limit
    issue.limit;
  });

  it("secrets are strings, so requests stay SDK-shaped", () => {
    expectTypeOf(secret("x")).toEqualTypeOf<Secret>();
    expectTypeOf(secret("x")).toMatchTypeOf<string>();
    // @ts-expect-error a plain string is not known to be secret
    const s: Secret = "plain";
    void s;
  });
});
