import type { FormOption } from "../cli/cli-step-types.js";
import { CliKindBuilder } from "./cli-kind-builder.js";
import { type ScriptOptions, scriptOptions, writeScriptArgs } from "./script-options.js";

/** A Hive script (`Type=Hive`): `-f <script>` and `-d KEY=VALUE` variables. */
export class HiveStep<Missing extends string = "script"> extends CliKindBuilder<ScriptOptions, Missing> {
  protected get cliType() {
    return "HIVE" as const;
  }

  /** The HiveQL script (`-f`). */
  script(uri: string): HiveStep<Exclude<Missing, "script">> {
    return this.set("script", uri);
  }

  /** Appends `-d key=value` (`${key}` in the script). */
  variable(key: string, value: string): this {
    return this.append("variables", "-d", `${key}=${value}`);
  }

  protected writeCliArgs(o: ScriptOptions, out: string[]): void {
    writeScriptArgs(o, out);
  }
}

/** A Hive step; `build()` compiles once `.script()` is called. */
export function hive(name: string, form?: FormOption): HiveStep {
  return new HiveStep(name, scriptOptions(form));
}
