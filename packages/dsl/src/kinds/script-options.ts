import type { InitialOptions } from "../builders/step-builder-base.js";
import { type FormOption, RELEASE_LABEL_FORM } from "../cli/cli-step-types.js";
import { inForm, type KindOptions, pushAll } from "./cli-kind-builder.js";

/** The options of the two script kinds, Hive and Pig. */
export interface ScriptOptions extends KindOptions {
  readonly script: string | undefined;
  readonly variables: readonly string[] | undefined;
}

/** Appends `-f <script>`, then the variables, then the raw arguments: the Args of a Hive or Pig entry. */
export function writeScriptArgs(o: ScriptOptions, out: string[]): void {
  if (o.script !== undefined) out.push("-f", o.script);
  pushAll(out, o.variables);
  pushAll(out, o.raw);
}

/** The options of a new Hive or Pig step on a release-label cluster; a new object on each call. */
const initial = (): InitialOptions<ScriptOptions> => ({
  form: RELEASE_LABEL_FORM,
  raw: undefined,
  variables: undefined,
  script: undefined,
});

/** The first options of a Hive or Pig step. */
export function scriptOptions(form: FormOption | undefined): () => InitialOptions<ScriptOptions> {
  return inForm(initial, form);
}
