import {
  type HadoopJarStepConfig,
  hive,
  jobFlow,
  StepBuilderBase,
  type StepConfig,
  s3DistCp,
  spark,
  step,
  streaming,
} from "@emrkit/dsl";
import { describe, expectTypeOf, it } from "vitest";
import { flink } from "./examples/flink-kind.js";

describe("builder type-state", () => {
  it("build() compiles only once every required part is set", () => {
    expectTypeOf(step("x").jar("a.jar").build()).toEqualTypeOf<StepConfig>();
    // @ts-expect-error a step needs its jar: EmrTypeError<"Call .jar() before .build(): …"> has no call signatures
    step("x").args("a").build();
    // @ts-expect-error a Spark step needs its application
    spark("s").deployMode("cluster").build();
    // @ts-expect-error a Hive step needs its script
    hive("h").variable("a", "b").build();
    // @ts-expect-error streaming needs mapper, input and output
    streaming("s").mapper("m").input("i").build();
    // @ts-expect-error s3DistCp needs src and dest
    s3DistCp("c").src("s3://a/").build();
    // @ts-expect-error a user-defined kind gets the same checks
    flink("f").build();
    expectTypeOf(streaming("s").output("o").mapper("m").input("i").build()).toEqualTypeOf<StepConfig>();
    expectTypeOf(flink("f").jar("j").build()).toEqualTypeOf<StepConfig>();
  });

  it("onFailure takes only the model's enum", () => {
    // @ts-expect-error not an ActionOnFailure
    step("x").onFailure("RETRY");
    expectTypeOf(step("x").onFailure)
      .parameter(0)
      .toEqualTypeOf<"TERMINATE_JOB_FLOW" | "TERMINATE_CLUSTER" | "CANCEL_AND_WAIT" | "CONTINUE">();
  });

  it("verbs keep the builder's type and jobFlow takes only complete steps", () => {
    expectTypeOf(spark("s").conf("a", "b").onFailure("CONTINUE")).toEqualTypeOf(spark("s"));
    jobFlow("j").add(step("x").jar("a"), spark("s").app("a.py"), { Name: "n", HadoopJarStep: { Jar: "j" } });
    // @ts-expect-error an incomplete builder cannot be added
    jobFlow("j").add(step("x"));
  });

  it("a kind's set and append take only its own options, with values of their types", () => {
    interface Options {
      readonly jar: string | undefined;
      readonly retries: number | undefined;
      readonly args: readonly string[] | undefined;
    }
    class Checked extends StepBuilderBase<Options, never> {
      good() {
        return this.set("jar", "j").set("retries", 2).append("args", "a", "b");
      }
      bad() {
        // @ts-expect-error not an option of the kind
        this.set("jars", "j");
        // @ts-expect-error retries is a number
        this.set("retries", "2");
        // @ts-expect-error jar is not a list: only lists are appended to
        this.append("jar", "j");
        // @ts-expect-error args holds strings
        this.append("args", 1);
      }
      protected hadoopJarStep(o: Options): HadoopJarStepConfig {
        return { Jar: o.jar ?? "", Args: [...(o.args ?? [])] };
      }
    }
    expectTypeOf(
      new Checked("c", () => ({ jar: undefined, retries: undefined, args: undefined })).good(),
    ).toEqualTypeOf<Checked>();
    // @ts-expect-error lists start undefined: the first append makes them
    new Checked("c", () => ({ jar: undefined, retries: undefined, args: ["a"] }));
  });
});
