import { type InitialOptions, StepBuilderBase } from "../builders/step-builder-base.js";
import {
  type CliForm,
  type FormOption,
  formOf,
  type WrappedCliType,
  wrappedHadoopJarStep,
} from "../cli/cli-step-types.js";
import type { HadoopJarStepConfig } from "../generated/types.generated.js";

/** Options every CLI-typed kind has: the form (release label or AMI) and raw arguments. */
export interface KindOptions {
  readonly form: CliForm;
  readonly raw: readonly string[] | undefined;
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

  /** Appends the Args of the CLI entry, from the typed options, to `out`. */
  protected abstract writeCliArgs(options: O, out: string[]): void;

  /** Escape hatch: appends arguments as they are (for a Spark step, before the application). */
  rawArgs(...args: string[]): this {
    // Through KindOptions: `raw` is a list of every O, which TypeScript cannot see through the generic.
    return (this as CliKindBuilder<KindOptions, Missing>).append<"raw", this>("raw", ...args);
  }

  /** The CLI `--steps` entry this step is: `{ Type, Args }` (name and action come from the step). */
  toCliArgs(): { Type: WrappedCliType; Args: string[] } {
    const args: string[] = [];
    this.writeCliArgs(this.replayOptions(), args);
    return { Type: this.cliType, Args: args };
  }

  protected hadoopJarStep(options: O): HadoopJarStepConfig {
    // The wrapper's own Args first (`spark-submit`, …), then the entry's, written straight after them.
    const jarStep = wrappedHadoopJarStep(this.cliType, NO_ARGS, options.form);
    this.writeCliArgs(options, jarStep.Args!);
    return jarStep;
  }
}

const NO_ARGS: readonly string[] = [];

/** Pushes every item of a list option, if it has any. */
export function pushAll(out: string[], items: readonly string[] | undefined): void {
  if (items !== undefined) for (let i = 0; i < items.length; i++) out.push(items[i]!);
}

/** A kind's first options for the form a user chose (the release-label form when none). */
export function inForm<O extends KindOptions>(
  initial: () => InitialOptions<O>,
  form: FormOption | undefined,
): () => InitialOptions<O> {
  if (form === undefined) return initial;
  const chosen = formOf(form);
  return () => ({ ...initial(), form: chosen });
}
