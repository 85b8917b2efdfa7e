/** checkCliSteps' paths point where the value is in the CLI input, whatever the step's Type and form. */
import { checkCliSteps, type StepConfig, toCliSteps } from "@emrkit/dsl";
import { validSteps } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

export const RUNS = 300;

const typed = fc.constantFrom(
  (args: string[]) => ({ Type: "Spark", Args: args }),
  (args: string[]) => ({ Type: "HIVE", Args: args }),
  (args: string[]) => ({ Type: "pig", Args: args }),
  (args: string[]) => ({ Type: "Streaming", Args: args }),
  (args: string[]) => ({ Jar: "s3://b/app.jar", Args: args }),
);

describe("checkCliSteps paths", () => {
  it(`name the CLI input's own Args[k] for a bad argument (${RUNS} inputs)`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(typed, fc.array(fc.stringMatching(/^[a-z-]{1,8}$/), { minLength: 1, maxLength: 5 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(undefined, { ami: true, region: "eu-west-1" }),
        (entries, pick, arg, form) => {
          const input = entries.map(([make, args], i) => ({ ...make([...args]), Name: `s${i}` }));
          const i = pick % input.length;
          const k = arg % input[i]!.Args.length;
          input[i]!.Args[k] = "bell\u0007";
          const result = checkCliSteps(input, form ?? {});
          expect(result.issues.filter((x) => x.severity === "error").map((x) => `${x.code}@${x.path}`)).toEqual([
            `pattern@[${i}].Args[${k}]`,
          ]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`give no issue for what toCliSteps writes (${RUNS} lists)`, () => {
    fc.assert(
      fc.property(validSteps({ portable: true }), (steps: StepConfig[]) => {
        const result = checkCliSteps(JSON.stringify(toCliSteps(steps)));
        expect(result.issues.filter((x) => x.severity === "error")).toEqual([]);
        expect(result.steps).toEqual(steps);
      }),
      { numRuns: RUNS },
    );
  });
});
