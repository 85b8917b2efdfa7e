import type { InitialOptions } from "../builders/step-builder-base.js";
import { type FormOption, RELEASE_LABEL_FORM } from "../cli/cli-step-types.js";
import { CliKindBuilder, inForm, type KindOptions, pushAll } from "./cli-kind-builder.js";

interface StreamingOptions extends KindOptions {
  readonly files: readonly string[] | undefined;
  readonly mapper: string | undefined;
  readonly reducer: string | undefined;
  readonly input: string | undefined;
  readonly output: string | undefined;
}

/** A Hadoop streaming job (`Type=Streaming`): `-files`, `-mapper`, `-reducer`, `-input`, `-output`, then extras. */
export class StreamingStep<Missing extends string = "mapper" | "input" | "output"> extends CliKindBuilder<
  StreamingOptions,
  Missing
> {
  protected get cliType() {
    return "STREAMING" as const;
  }

  /** Appends to `-files` (comma-joined): scripts shipped to the tasks. */
  files(...uris: string[]): this {
    return this.append("files", ...uris);
  }

  mapper(command: string): StreamingStep<Exclude<Missing, "mapper">> {
    return this.set("mapper", command);
  }

  reducer(command: string): this {
    return this.set("reducer", command);
  }

  input(uri: string): StreamingStep<Exclude<Missing, "input">> {
    return this.set("input", uri);
  }

  output(uri: string): StreamingStep<Exclude<Missing, "output">> {
    return this.set("output", uri);
  }

  protected writeCliArgs(o: StreamingOptions, out: string[]): void {
    if (o.files !== undefined) out.push("-files", o.files.join(","));
    if (o.mapper !== undefined) out.push("-mapper", o.mapper);
    if (o.reducer !== undefined) out.push("-reducer", o.reducer);
    if (o.input !== undefined) out.push("-input", o.input);
    if (o.output !== undefined) out.push("-output", o.output);
    pushAll(out, o.raw);
  }
}

/** The options of a new streaming step on a release-label cluster; a new object on each call. */
const initial = (): InitialOptions<StreamingOptions> => ({
  form: RELEASE_LABEL_FORM,
  raw: undefined,
  files: undefined,
  mapper: undefined,
  reducer: undefined,
  input: undefined,
  output: undefined,
});

/** A streaming step; `build()` compiles once `.mapper()`, `.input()` and `.output()` are called. */
export function streaming(name: string, form?: FormOption): StreamingStep {
  return new StreamingStep(name, inForm(initial, form));
}
