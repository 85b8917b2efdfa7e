import { append, toArray } from "../builders/chain.js";
import { stepState } from "../builders/step-builder-base.js";
import { type FormOption, formOf } from "../cli/cli-step-types.js";
import { CliKindBuilder } from "./cli-kind-builder.js";
import type { ScriptOptions } from "./pig.js";

/** A Hive script (`Type=Hive`): `-f <script>` and `-d KEY=VALUE` variables. */
export class HiveStep<Missing extends string = "script"> extends CliKindBuilder<ScriptOptions, Missing> {
  protected get cliType() {
    return "HIVE" as const;
  }

  /** The HiveQL script (`-f`). */
  script(uri: string): HiveStep<Exclude<Missing, "script">> {
    return this.derive({ script: uri });
  }

  /** Appends `-d key=value` (`${key}` in the script). */
  variable(key: string, value: string): this {
    return this.derive({ variables: append(this.state.options.variables, ["-d", `${key}=${value}`]) });
  }

  protected cliArgs(o: ScriptOptions): string[] {
    return [...(o.script === undefined ? [] : ["-f", o.script]), ...toArray(o.variables), ...toArray(o.raw)];
  }
}

/** A Hive step; `build()` compiles once `.script()` is called. */
export function hive(name: string, form?: FormOption): HiveStep {
  return new HiveStep(stepState(name, { form: formOf(form), raw: undefined, variables: undefined, script: undefined }));
}
