import { StepBuilderBase } from "../builders/step-builder-base.js";
import { COMMAND_RUNNER, scriptRunnerJar } from "../cli/cli-step-types.js";
import type { HadoopJarStepConfig } from "../generated/types.generated.js";

interface RunnerOptions {
  readonly jar: string;
  readonly args: readonly string[] | undefined;
}

/** A step whose jar runs its arguments: command-runner.jar (a program) or script-runner.jar (a script). */
export class RunnerStep extends StepBuilderBase<RunnerOptions, never> {
  /** Appends arguments. */
  args(...args: string[]): this {
    return this.append("args", ...args);
  }

  protected hadoopJarStep(options: RunnerOptions): HadoopJarStepConfig {
    return { Jar: options.jar, Args: (options.args ?? []) as string[] };
  }
}

/**
 * Runs a program on the master node through command-runner.jar; each word its own argument.
 * @example command("ls", ["hdfs", "dfs", "-ls", "/"]).build().HadoopJarStep // { Jar: "command-runner.jar", Args: ["hdfs", "dfs", "-ls", "/"] }
 */
export function command(name: string, argv: readonly [string, ...string[]]): RunnerStep {
  return new RunnerStep(name, () => ({ jar: COMMAND_RUNNER, args: undefined })).args(...argv);
}

/**
 * Runs a script from S3 through script-runner.jar at its region's path.
 * @example script("s", "s3://b/x.sh", ["a"], { region: "eu-west-1" }).build().HadoopJarStep.Jar
 * // "s3://eu-west-1.elasticmapreduce/libs/script-runner/script-runner.jar"
 */
export function script(
  name: string,
  scriptUri: string,
  args: readonly string[] = [],
  options: { region?: string } = {},
): RunnerStep {
  const jar = scriptRunnerJar(options.region);
  return new RunnerStep(name, () => ({ jar, args: undefined })).args(scriptUri, ...args);
}
