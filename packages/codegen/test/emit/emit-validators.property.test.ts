/**
 * The generated validators (for the EMR operations @emrkit/dsl uses, and for the Smithy fixture; generated into a
 * temporary directory and imported) against arbitraries derived from the same IR: every
 * valid value gives no issue and allocates nothing; every single mutation that breaks one constraint gives exactly
 * one issue, with the right code and path; no JSON value makes a validator throw.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ServiceIR } from "../../src/index.js";
import { loadModelFile, selectOperations } from "../../src/index.js";
import { arbitraryOf } from "../helpers/arbitrary-from-ir.js";
import { emitted } from "../helpers/emitted.js";
import { fixture } from "../helpers/fixtures.js";
import { type GeneratedValidators, importGenerated, type ModelIssue, type Walk } from "../helpers/import-generated.js";
import { DSL_OPERATIONS, describeWithModels, EMR_BOTOCORE } from "../helpers/models.js";
import { mutationsOf } from "../helpers/mutations.js";

/** The operations `pnpm codegen` generates into @emrkit/dsl, read from the root package.json. */
function properties(label: string, load: () => ServiceIR) {
  describe(label, () => {
    const service = load();
    const generated = emitted(() => importGenerated(service));
    const inputs = service.operations.flatMap((op) => (op.input ? [op.input] : []));

    test.each(inputs)("%s: a valid value gives no issue and allocates no issue or path", async (name) => {
      const validate = (await generated()).validators[name]!;
      fc.assert(
        fc.property(arbitraryOf(service, name), (value) => {
          const path: (string | number)[] = ["Base"];
          const issues: ModelIssue[] = [];
          const walk: Walk = { path, issues };
          validate(value, walk);
          expect(issues).toEqual([]);
          // The same arrays, back as they were: nothing was built for a valid value.
          expect(walk.issues).toBe(issues);
          expect(walk.path).toBe(path);
          expect(path).toEqual(["Base"]);
        }),
        { numRuns: 60 },
      );
    });

    test.each(inputs)("%s: one broken constraint gives exactly one issue, with its code and path", async (name) => {
      const { validators, check, formatPath }: GeneratedValidators = await generated();
      const validate = validators[name]!;
      const withMutation = arbitraryOf(service, name).chain((value) =>
        fc.constantFrom(...mutationsOf(service, name, value)).map((mutation) => ({ value, mutation })),
      );
      fc.assert(
        fc.property(withMutation, ({ value, mutation }) => {
          const issues = check(validate, mutation.apply(value));
          expect(
            issues.map((i) => ({ code: i.code, path: i.path })),
            mutation.what,
          ).toEqual([{ code: mutation.code, path: formatPath(mutation.path) }]);
        }),
        { numRuns: 150 },
      );
    });

    test.each(inputs)("%s: any JSON value is checked without throwing", async (name) => {
      const { validators, check } = await generated();
      const validate = validators[name]!;
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          expect(Array.isArray(check(validate, value))).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  });
}

properties("the Smithy fixture", () => loadModelFile(fixture("smithy-traits.json")));
properties("the botocore fixture", () => loadModelFile(fixture("botocore-traits.json")));
describeWithModels("the pinned EMR model", [EMR_BOTOCORE], () =>
  properties("the EMR operations of @emrkit/dsl", () =>
    selectOperations(loadModelFile(EMR_BOTOCORE), [...DSL_OPERATIONS]),
  ),
);

describeWithModels("the EMR validators", [EMR_BOTOCORE], () => {
  const service = selectOperations(loadModelFile(EMR_BOTOCORE), [...DSL_OPERATIONS]);
  const generated = emitted(() => importGenerated(service));

  test("@emrkit/dsl holds this output", () => {
    const committed = readFileSync(
      new URL("../../../dsl/src/generated/validators.generated.ts", import.meta.url),
      "utf8",
    );
    expect(committed).toContain(`sha256 ${service.source.sha256}`);
  });

  test("lengths count code points: 256 astral characters fit a 256-character limit, 257 do not", async () => {
    const { validators, check } = await generated();
    const step = (name: string) => ({ Name: name, HadoopJarStep: { Jar: "s3://b/j.jar" } });
    const input = (name: string) => ({ JobFlowId: "j-1", Steps: [step(name)] });
    expect(check(validators.AddJobFlowStepsInput!, input("😀".repeat(256)))).toEqual([]);
    expect(check(validators.AddJobFlowStepsInput!, input("😀".repeat(257))).map((i) => [i.code, i.path])).toEqual([
      ["length", "Steps[0].Name"],
    ]);
    expect(check(validators.AddJobFlowStepsInput!, input("a\uD800b")).map((i) => [i.code, i.path])).toEqual([
      ["pattern", "Steps[0].Name"],
    ]);
  });
});
