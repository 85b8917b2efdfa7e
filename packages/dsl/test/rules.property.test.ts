import {
  type Issue,
  MAX_HADOOP_JAR_STEP_CHARACTERS,
  MAX_STEPS_PER_REQUEST,
  type StepConfig,
  validate,
} from "@emrkit/dsl";
import { requestWithOneViolation, VIOLATIONS, validRequest } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const errors = (input: unknown, context = {}) =>
  validate(input, context)
    .issues.filter((issue) => issue.severity === "error")
    .map((issue) => ({ code: issue.code, path: issue.path }));

describe("every rule, as properties", () => {
  it("valid requests give no errors", () => {
    fc.assert(
      fc.property(validRequest(), (request) => {
        expect(errors(request)).toEqual([]);
        expect(validate(request).ok).toBe(true);
      }),
    );
  });

  it.each(VIOLATIONS)("one %s violation gives exactly its issue at its path", (kind) => {
    fc.assert(
      fc.property(requestWithOneViolation(kind), ({ request, context, code, path }) => {
        expect(errors(request, context)).toEqual([{ code, path }]);
        expect(validate(request, context).ok).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});

describe("boundaries", () => {
  const step = (name: string, args: string[] = []): StepConfig => ({
    Name: name,
    ActionOnFailure: "CONTINUE",
    HadoopJarStep: { Jar: "j", Args: args },
  });
  const request = (steps: StepConfig[]) => ({ JobFlowId: "j-1", Steps: steps });

  it("exactly 256 steps pass, 257 fail", () => {
    const steps = Array.from({ length: MAX_STEPS_PER_REQUEST + 1 }, (_, i) => step(`s${i}`));
    expect(errors(request(steps.slice(0, 256)))).toEqual([]);
    expect(errors(request(steps))).toEqual([{ code: "too-many-steps", path: "Steps" }]);
  });

  it("exactly 10,240 UTF-16 units pass, 10,241 fail, however they are split", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.boolean(), (parts, astral) => {
        const unit = astral ? "😀" : "xx"; // two UTF-16 units either way
        const total = (MAX_HADOOP_JAR_STEP_CHARACTERS - 2) / 2; // the jar "jj" is two
        const sizes = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
        const args = sizes.map((n) => unit.repeat(n));
        const jarStep = (extra: string[]) => ({ Name: "a", HadoopJarStep: { Jar: "jj", Args: [...args, ...extra] } });
        expect(errors(request([jarStep([])]))).toEqual([]);
        expect(errors(request([jarStep(["y"])]))).toEqual([
          { code: "hadoop-jar-step-too-long", path: "Steps[0].HadoopJarStep" },
        ]);
      }),
      { numRuns: 20 },
    );
  });

  it("a 256-character name passes, 257 fail (in code points)", () => {
    for (const unit of ["n", "😀"]) {
      expect(errors(request([step(unit.repeat(256))]))).toEqual([]);
      expect(errors(request([step(unit.repeat(257))]))).toEqual([{ code: "length", path: "Steps[0].Name" }]);
    }
  });
});

describe("runEmrRules", () => {
  it("gives what runRules(RULES) gives, as a set", async () => {
    const { RULES, runEmrRules, runRules } = await import("@emrkit/dsl");
    const { requestWithOneViolation } = await import("@emrkit/dsl/testing");
    const key = (i: { code: string; path: string }) => `${i.code}@${i.path}`;
    fc.assert(
      fc.property(requestWithOneViolation(), ({ request, context }) => {
        const input = { steps: request.Steps as unknown[], executionRoleArn: request.ExecutionRoleArn, context };
        const fused: Issue[] = [];
        const generic: Issue[] = [];
        runEmrRules(input, fused);
        runRules(RULES, input, generic);
        expect(fused.map(key).sort()).toEqual(generic.map(key).sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe("rules held to their plain definitions", () => {
  const commandStep = (name: string, args: string[]): StepConfig => ({
    Name: name,
    HadoopJarStep: { Jar: "command-runner.jar", Args: args },
  });
  const codesAt = (input: unknown, code: string) =>
    validate(input)
      .issues.filter((issue) => issue.code === code)
      .map((issue) => issue.path);

  it("command-line-in-one-arg warns exactly when the program has /\\S\\s+\\S/, repeated programs included", () => {
    const program = fc.string({
      unit: fc.constantFrom("a", "-", " ", "\t", "\n", "\u00a0", "\u2028", "x"),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(program, { minLength: 1, maxLength: 6 }), (programs) => {
        const steps = programs.map((p, i) => commandStep(`s${i}`, [p, "--x"]));
        const expected = programs.flatMap((p, i) => (/\S\s+\S/.test(p) ? [`Steps[${i}].HadoopJarStep.Args[0]`] : []));
        expect(codesAt({ JobFlowId: "j-1", Steps: steps }, "command-line-in-one-arg")).toEqual(expected);
      }),
    );
  });

  it("empty-command-runner-arg and duplicate-step-name give what a naive scan gives", () => {
    const name = fc.constantFrom("a", "b", "ab", "ba", "", "nightly-1", "nightly-2", "x".repeat(13));
    const arg = fc.constantFrom("", "a", " ", "spark-submit");
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.array(arg, { maxLength: 4 })), { maxLength: 40 }), (specs) => {
        const steps = specs.map(([n, args]) => commandStep(n, args));
        const empties = specs.flatMap(([, args], i) =>
          args.flatMap((a, k) => (a === "" ? [`Steps[${i}].HadoopJarStep.Args[${k}]`] : [])),
        );
        const duplicates = specs.flatMap(([n], i) =>
          specs.slice(0, i).some(([m]) => m === n) ? [`Steps[${i}].Name`] : [],
        );
        const input = { JobFlowId: "j-1", Steps: steps };
        expect(codesAt(input, "empty-command-runner-arg")).toEqual(empties);
        expect(codesAt(input, "duplicate-step-name")).toEqual(duplicates);
      }),
    );
  });
});
