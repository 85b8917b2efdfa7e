import type { HadoopJarStepConfig, KeyValue } from "../generated/types.generated.js";
import { append, type Chain, toArray } from "./chain.js";
import { StepBuilderBase, stepState } from "./step-builder-base.js";

interface CustomJarOptions {
  readonly jar: string;
  readonly mainClass: string | undefined;
  readonly args: Chain<string> | undefined;
  readonly properties: Chain<KeyValue> | undefined;
}

/** A custom-jar step (the CLI's `Type=CUSTOM_JAR`); `build()` compiles once `.jar()` is called. */
export class StepBuilder<Missing extends string = "jar"> extends StepBuilderBase<CustomJarOptions, Missing> {
  /** The jar to run: an S3 URI, a path on the cluster, or `command-runner.jar`. */
  jar(uri: string): StepBuilder<Exclude<Missing, "jar">> {
    return this.derive({ jar: uri });
  }

  /** The class to run when the jar's manifest names none. */
  mainClass(name: string): this {
    return this.derive({ mainClass: name });
  }

  /**
   * Appends arguments.
   * @example step("a").jar("x.jar").args("--day", "1").args("-v").build().HadoopJarStep.Args // ["--day", "1", "-v"]
   */
  args(...args: string[]): this {
    return this.derive({ args: append(this.state.options.args, args) });
  }

  /** Appends a Java property (`-Dkey=value` for the step's JVM). */
  property(key: string, value: string): this {
    return this.derive({ properties: append(this.state.options.properties, [{ Key: key, Value: value }]) });
  }

  /** Appends every entry of a record, in its order, as properties. */
  properties(record: Readonly<Record<string, string>>): this {
    const entries = Object.entries(record).map(([Key, Value]) => ({ Key, Value }));
    return this.derive({ properties: append(this.state.options.properties, entries) });
  }

  protected hadoopJarStep(options: CustomJarOptions): HadoopJarStepConfig {
    const out: HadoopJarStepConfig = { Jar: options.jar };
    if (options.mainClass !== undefined) out.MainClass = options.mainClass;
    if (options.args !== undefined) out.Args = toArray(options.args);
    if (options.properties !== undefined) out.Properties = toArray(options.properties);
    return out;
  }
}

/**
 * A custom-jar step.
 * @example
 * step("etl").jar("s3://b/etl.jar").args("--day", "2024-01-01").onFailure("CONTINUE").build()
 * // { Name: "etl", ActionOnFailure: "CONTINUE", HadoopJarStep: { Jar: "s3://b/etl.jar", Args: ["--day", "2024-01-01"] } }
 */
export function step(name: string): StepBuilder {
  return new StepBuilder(stepState(name, { jar: "", mainClass: undefined, args: undefined, properties: undefined }));
}
