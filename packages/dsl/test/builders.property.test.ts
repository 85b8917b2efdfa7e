import { jobFlow, pipeline, type StepBuilder, spark, step } from "@emrkit/dsl";
import { xmlString } from "@emrkit/dsl/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

type Ready = StepBuilder<never>;
const text = xmlString({ maxLength: 12 });

/** Every verb of the custom-jar builder, as a random call. */
const verb: fc.Arbitrary<(b: Ready) => Ready> = fc.oneof(
  text.map((a) => (b: Ready) => b.args(a)),
  fc.tuple(text, text).map(
    ([k, v]) =>
      (b: Ready) =>
        b.property(k, v),
  ),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), text).map((r) => (b: Ready) => b.properties(r)),
  text.map((c) => (b: Ready) => b.mainClass(c)),
  fc.constantFrom("CONTINUE", "CANCEL_AND_WAIT" as const).map((a) => (b: Ready) => b.onFailure(a)),
  text.map((j) => (b: Ready) => b.jar(j)),
  fc.constant((b: Ready) => b.monitoring({ logUri: "s3://logs/x/" })),
);

describe("builders never change when derived from", () => {
  it("any sequence of verbs leaves every earlier builder as it was", () => {
    fc.assert(
      fc.property(fc.array(verb, { maxLength: 12 }), fc.array(verb, { maxLength: 12 }), (first, second) => {
        const base = first.reduce((b, f) => f(b), step("s").jar("a.jar"));
        const before = base.toStepConfig();
        const derived = second.reduce((b, f) => f(b), base);
        const again = second.reduce((b, f) => f(b), base);
        expect(base.toStepConfig()).toEqual(before);
        expect(again.toStepConfig()).toEqual(derived.toStepConfig());
      }),
    );
  });

  it("two branches of one template do not see each other", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.array(text, { maxLength: 5 }), (left, right) => {
        const template = spark("t").conf("a", "1").app("app.py");
        const l = template.appArgs(...left);
        const r = template.appArgs(...right);
        expect(l.toStepConfig().HadoopJarStep.Args).toEqual(["spark-submit", "--conf", "a=1", "app.py", ...left]);
        expect(r.toStepConfig().HadoopJarStep.Args).toEqual(["spark-submit", "--conf", "a=1", "app.py", ...right]);
      }),
    );
  });

  it("jobFlow and pipeline builders are persistent too", () => {
    const a = step("a").jar("a.jar");
    const flow = jobFlow("j-1").add(a);
    flow.add(step("b").jar("b.jar"));
    expect(flow.toInput().Steps).toHaveLength(1);
    const p = pipeline().add(a);
    p.add(step("b").jar("b.jar"), { after: [a] });
    expect(p.build().steps).toHaveLength(1);
  });
});
