import type { FormOption } from "../cli/cli-step-types.js";
import { CliKindBuilder } from "./cli-kind-builder.js";
import { type ScriptOptions, scriptOptions, writeScriptArgs } from "./script-options.js";

/** A Pig script (`Type=Pig`): `-f <script>` and `-p KEY=VALUE` parameters. */
export class PigStep<Missing extends string = "script"> extends CliKindBuilder<ScriptOptions, Missing> {
  protected get cliType() {
    return "PIG" as const;
  }

  /** The Pig Latin script (`-f`). */
  script(uri: string): PigStep<Exclude<Missing, "script">> {
    return this.set("script", uri);
  }

  /** Appends `-p key=value` (`$key` in the script). */
  param(key: string, value: string): this {
    return this.append("variables", "-p", `${key}=${value}`);
  }

  protected writeCliArgs(o: ScriptOptions, out: string[]): void {
    writeScriptArgs(o, out);
  }
}

/** A Pig step; `build()` compiles once `.script()` is called. */
export function pig(name: string, form?: FormOption): PigStep {
  return new PigStep(name, scriptOptions(form));
}
