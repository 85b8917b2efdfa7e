import type { HadoopJarStepConfig, KeyValue } from "../generated/types.generated.js";
import { type InitialOptions, StepBuilderBase } from "./step-builder-base.js";

interface CustomJarOptions {
  readonly jar: string;
  readonly mainClass: string | undefined;
  readonly args: readonly string[] | undefined;
  readonly properties: readonly KeyValue[] | undefined;
}

/** A custom-jar step (the CLI's `Type=CUSTOM_JAR`); `build()` compiles once `.jar()` is called. */
export class StepBuilder<Missing extends string = "jar"> extends StepBuilderBase<CustomJarOptions, Missing> {
  /** The jar to run: an S3 URI, a path on the cluster, or `command-runner.jar`. */
  jar(uri: string): StepBuilder<Exclude<Missing, "jar">> {
    return this.set("jar", uri);
  }

  /** The class to run when the jar's manifest names none. */
  mainClass(name: string): this {
    return this.set("mainClass", name);
  }

  /**
   * Appends arguments.
   * @example step("a").jar("x.jar").args("--day", "1").args("-v").build().HadoopJarStep.Args // ["--day", "1", "-v"]
   */
  args(...args: string[]): this {
    return this.append("args", ...args);
  }

  /** Appends a Java property (`-Dkey=value` for the step's JVM). */
  property(key: string, value: string): this {
    return this.append("properties", { Key: key, Value: value });
  }

  /** Appends every entry of a record, in its order, as properties. */
  properties(record: Readonly<Record<string, string>>): this {
    return this.append("properties", ...Object.entries(record).map(([Key, Value]) => ({ Key, Value })));
  }

  protected hadoopJarStep(options: CustomJarOptions): HadoopJarStepConfig {
    const out: HadoopJarStepConfig = { Jar: options.jar };
    if (options.mainClass !== undefined) out.MainClass = options.mainClass;
    if (options.args !== undefined) out.Args = options.args as string[];
    if (options.properties !== undefined) out.Properties = options.properties as KeyValue[];
    return out;
  }
}

const initial = (): InitialOptions<CustomJarOptions> => ({
  jar: "",
  mainClass: undefined,
  args: undefined,
  properties: undefined,
});

/**
 * A custom-jar step.
 * @example
 * step("etl").jar("s3://b/etl.jar").args("--day", "2024-01-01").onFailure("CONTINUE").build()
 * // { Name: "etl", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "s3://b/etl.jar", Args: ["--day", "2024-01-01"] } }
 */
export function step(name: string): StepBuilder {
  return new StepBuilder(name, initial);
}
