import { append, type Chain } from "../builders/chain.js";
import { StepBuilderBase } from "../builders/step-builder-base.js";
import { type CliForm, type WrappedCliType, wrappedHadoopJarStep } from "../cli/cli-step-types.js";
import type { HadoopJarStepConfig } from "../generated/types.generated.js";

/** Options every CLI-typed kind has: the form (release label or AMI) and raw arguments. */
export interface KindOptions {
  readonly form: CliForm;
  readonly raw: Chain<string> | undefined;
}

/**
 * A step kind that is one of the CLI's types: typed options become the Args a user would write in
 * `aws emr add-steps --steps Type=…,Args=[…]`, and the CLI's own conversion makes the HadoopJarStep.
 */
export abstract class CliKindBuilder<O extends KindOptions, Missing extends string> extends StepBuilderBase<
  O,
  Missing
> {
  /** The CLI `Type` (a getter, not a field, so that builders carry nothing but their state). */
  protected abstract get cliType(): WrappedCliType;

  /** The Args of the CLI entry, from the typed options. */
  protected abstract cliArgs(options: O): string[];

  /** Escape hatch: appends arguments as they are (for a Spark step, before the application). */
  rawArgs(...args: string[]): this {
    return this.derive({ raw: append(this.state.options.raw, args) } as Partial<O>);
  }

  /** The CLI `--steps` entry this step is: `{ Type, Args }` (name and action come from the step). */
  toCliArgs(): { Type: WrappedCliType; Args: string[] } {
    return { Type: this.cliType, Args: this.cliArgs(this.state.options) };
  }

  protected hadoopJarStep(options: O): HadoopJarStepConfig {
    return wrappedHadoopJarStep(this.cliType, this.cliArgs(options), options.form);
  }
}
