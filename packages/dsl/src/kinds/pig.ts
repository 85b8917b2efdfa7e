import { append, type Chain, toArray } from "../builders/chain.js";
import { stepState } from "../builders/step-builder-base.js";
import { type FormOption, formOf } from "../cli/cli-step-types.js";
import { CliKindBuilder, type KindOptions } from "./cli-kind-builder.js";

export interface ScriptOptions extends KindOptions {
  readonly script: string | undefined;
  readonly variables: Chain<string> | undefined;
}

/** A Pig script (`Type=Pig`): `-f <script>` and `-p KEY=VALUE` parameters. */
export class PigStep<Missing extends string = "script"> extends CliKindBuilder<ScriptOptions, Missing> {
  protected get cliType() {
    return "PIG" as const;
  }

  /** The Pig Latin script (`-f`). */
  script(uri: string): PigStep<Exclude<Missing, "script">> {
    return this.derive({ script: uri });
  }

  /** Appends `-p key=value` (`$key` in the script). */
  param(key: string, value: string): this {
    return this.derive({ variables: append(this.state.options.variables, ["-p", `${key}=${value}`]) });
  }

  protected cliArgs(o: ScriptOptions): string[] {
    return [...(o.script === undefined ? [] : ["-f", o.script]), ...toArray(o.variables), ...toArray(o.raw)];
  }
}

/** A Pig step; `build()` compiles once `.script()` is called. */
export function pig(name: string, form?: FormOption): PigStep {
  return new PigStep(stepState(name, { form: formOf(form), raw: undefined, variables: undefined, script: undefined }));
}
