/**
 * The CLI refuses a Hive, Pig or Streaming step whose Args are one blank argument (cli-steps-edges.test.ts), and
 * only that (awscli customizations/emr/emrutils.py, check_empty_string_list: `not value or (len(value) == 1 and
 * value[0].strip() == "")`): a blank argument among others is sent as given, so toCliSteps keeps such a step typed,
 * and it reads back the same.
 */
import { fromCliSteps, toCliSteps } from "@emrkit/dsl";
import { describe, expect, it } from "vitest";

describe("toCliSteps and a blank argument among others", () => {
  it.each([
    ["Hive", "HIVE"],
    ["Pig", "PIG"],
    ["Streaming", "STREAMING"],
  ])("keeps a %s step typed, and it reads back the same", (Type, written) => {
    const args = [" ", "-input", "s3://b/in"];
    const steps = fromCliSteps([{ Type, Name: "n", Args: args }]);
    const entries = toCliSteps(steps);
    expect(entries).toStrictEqual([{ Type: written, Args: args, Name: "n", ActionOnFailure: "CONTINUE" }]);
    expect(fromCliSteps(JSON.stringify(entries))).toStrictEqual(steps);
  });

  it("keeps a step of one argument typed when that argument is not blank", () => {
    const steps = fromCliSteps([{ Type: "Hive", Name: "n", Args: ["s3://b/q.sql"] }]);
    expect(toCliSteps(steps)).toStrictEqual([
      { Type: "HIVE", Args: ["s3://b/q.sql"], Name: "n", ActionOnFailure: "CONTINUE" },
    ]);
  });
});
