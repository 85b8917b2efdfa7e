import { append, type Chain, toArray } from "../builders/chain.js";
import { stepState } from "../builders/step-builder-base.js";
import { type FormOption, formOf } from "../cli/cli-step-types.js";
import { CliKindBuilder, type KindOptions } from "./cli-kind-builder.js";

interface StreamingOptions extends KindOptions {
  readonly files: Chain<string> | undefined;
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
    return this.derive({ files: append(this.state.options.files, uris) });
  }

  mapper(command: string): StreamingStep<Exclude<Missing, "mapper">> {
    return this.derive({ mapper: command });
  }

  reducer(command: string): this {
    return this.derive({ reducer: command });
  }

  input(uri: string): StreamingStep<Exclude<Missing, "input">> {
    return this.derive({ input: uri });
  }

  output(uri: string): StreamingStep<Exclude<Missing, "output">> {
    return this.derive({ output: uri });
  }

  protected cliArgs(o: StreamingOptions): string[] {
    const out: string[] = [];
    if (o.files !== undefined) out.push("-files", toArray(o.files).join(","));
    if (o.mapper !== undefined) out.push("-mapper", o.mapper);
    if (o.reducer !== undefined) out.push("-reducer", o.reducer);
    if (o.input !== undefined) out.push("-input", o.input);
    if (o.output !== undefined) out.push("-output", o.output);
    out.push(...toArray(o.raw));
    return out;
  }
}

/** A streaming step; `build()` compiles once `.mapper()`, `.input()` and `.output()` are called. */
export function streaming(name: string, form?: FormOption): StreamingStep {
  return new StreamingStep(
    stepState(name, {
      form: formOf(form),
      raw: undefined,
      files: undefined,
      mapper: undefined,
      reducer: undefined,
      input: undefined,
      output: undefined,
    }),
  );
}
