/**
 * Defining a new step kind in a few lines: extend StepBuilderBase with the kind's options, give the verbs that set
 * them (a verb that sets a required part removes it from `Missing`), and say what HadoopJarStep they make. The
 * builder is then immutable, type-checked until complete, and usable in `jobFlow().add()` and `pipeline()`.
 */
import { append, type Chain, type HadoopJarStepConfig, StepBuilderBase, stepState, toArray } from "@emrkit/dsl";

interface FlinkOptions {
  readonly jar: string | undefined;
  readonly args: Chain<string> | undefined;
}

export class FlinkStep<Missing extends string = "jar"> extends StepBuilderBase<FlinkOptions, Missing> {
  jar(uri: string, ...args: string[]): FlinkStep<Exclude<Missing, "jar">> {
    return this.derive({ jar: uri, args: append(this.state.options.args, args) });
  }

  protected hadoopJarStep(o: FlinkOptions): HadoopJarStepConfig {
    return { Jar: "command-runner.jar", Args: ["flink", "run", "-m", "yarn-cluster", o.jar ?? "", ...toArray(o.args)] };
  }
}

export const flink = (name: string) => new FlinkStep(stepState(name, { jar: undefined, args: undefined }));
