/**
 * Defining a new step kind in a few lines: extend StepBuilderBase with the kind's options, give the verbs that set
 * them (`set` replaces an option, `append` adds to a list; a verb that sets a required part removes it from
 * `Missing`), and say what HadoopJarStep they make. The constructor takes the step's name and a function giving
 * its first options. The builder is then immutable, type-checked until complete, and usable in `jobFlow().add()`
 * and `pipeline()`.
 */
import { type HadoopJarStepConfig, StepBuilderBase } from "@emrkit/dsl";

interface FlinkOptions {
  readonly jar: string | undefined;
  readonly args: readonly string[] | undefined;
}

export class FlinkStep<Missing extends string = "jar"> extends StepBuilderBase<FlinkOptions, Missing> {
  jar(uri: string, ...args: string[]): FlinkStep<Exclude<Missing, "jar">> {
    return this.set("jar", uri).append("args", ...args);
  }

  protected hadoopJarStep(o: FlinkOptions): HadoopJarStepConfig {
    return { Jar: "command-runner.jar", Args: ["flink", "run", "-m", "yarn-cluster", o.jar ?? "", ...(o.args ?? [])] };
  }
}

export const flink = (name: string) => new FlinkStep(name, () => ({ jar: undefined, args: undefined }));
