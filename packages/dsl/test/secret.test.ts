import { formatIssues, isSecret, redact, redactValue, secret, validate } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

describe("secrets", () => {
  it("stay plain strings in requests and show as *** everywhere else", () => {
    const password = secret("hunter2-long-enough");
    const request = {
      JobFlowId: "j-1",
      Steps: [{ Name: "load", HadoopJarStep: { Jar: "app.jar", Args: ["--password", password] } }],
    };
    expect(request.Steps[0]!.HadoopJarStep.Args[1]).toBe("hunter2-long-enough");
    expect(isSecret(password)).toBe(true);
    expect(redact(JSON.stringify(request))).not.toContain("hunter2");
    expect(redactValue(request).Steps[0]!.HadoopJarStep.Args).toEqual(["--password", "***"]);
  });

  it("never appear in issue messages, even when a message would cut them short", () => {
    const token = secret(`tok-${"z".repeat(80)}\u0001`);
    const result = validate({
      JobFlowId: "j-1",
      Steps: [{ Name: "x", HadoopJarStep: { Jar: "a.jar", Args: [token] } }],
      ExecutionRoleArn: secret("arn:aws:iam::123456789012:user/not-a-role"),
    });
    expect(result.ok).toBe(false);
    const text = formatIssues(result.issues);
    expect(text).toContain("***");
    expect(text).not.toContain("zzzzzzzz");
    expect(text).not.toContain("not-a-role");
  });

  it("refuses empty values and redacts JSON-escaped forms", () => {
    expect(() => secret("")).toThrow("secret(): the value must be a non-empty string");
    const quoted = secret('pa"ss\\word');
    expect(redact(JSON.stringify({ p: quoted }))).toBe('{"p":"***"}');
  });
});
