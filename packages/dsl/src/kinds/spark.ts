import { append, type Chain, toArray } from "../builders/chain.js";
import { stepState } from "../builders/step-builder-base.js";
import { type FormOption, formOf } from "../cli/cli-step-types.js";
import { CliKindBuilder, type KindOptions } from "./cli-kind-builder.js";

interface SparkOptions extends KindOptions {
  readonly deployMode: "cluster" | "client" | undefined;
  readonly master: string | undefined;
  readonly className: string | undefined;
  readonly conf: Chain<string> | undefined;
  readonly pyFiles: Chain<string> | undefined;
  readonly jars: Chain<string> | undefined;
  readonly files: Chain<string> | undefined;
  readonly app: string | undefined;
  readonly appArgs: Chain<string> | undefined;
}

/** A Spark application (`Type=Spark`): `spark-submit [options] <app> [app args]` through command-runner.jar. */
export class SparkStep<Missing extends string = "app"> extends CliKindBuilder<SparkOptions, Missing> {
  protected get cliType() {
    return "SPARK" as const;
  }

  deployMode(mode: "cluster" | "client"): this {
    return this.derive({ deployMode: mode });
  }

  master(master: string): this {
    return this.derive({ master });
  }

  /** `--class`: the main class of a JVM application. */
  class(name: string): this {
    return this.derive({ className: name });
  }

  /** Appends `--conf key=value`. */
  conf(key: string, value: string): this {
    return this.derive({ conf: append(this.state.options.conf, [`${key}=${value}`]) });
  }

  /** Appends to `--py-files` (comma-joined). */
  pyFiles(...uris: string[]): this {
    return this.derive({ pyFiles: append(this.state.options.pyFiles, uris) });
  }

  /** Appends to `--jars` (comma-joined). */
  jars(...uris: string[]): this {
    return this.derive({ jars: append(this.state.options.jars, uris) });
  }

  /** Appends to `--files` (comma-joined). */
  files(...uris: string[]): this {
    return this.derive({ files: append(this.state.options.files, uris) });
  }

  /**
   * The application (a jar or a .py) and its first arguments.
   * @example spark("wc").app("s3://b/wc.py", "s3://in/").build().HadoopJarStep.Args // ["spark-submit", "s3://b/wc.py", "s3://in/"]
   */
  app(uri: string, ...args: string[]): SparkStep<Exclude<Missing, "app">> {
    return this.derive({ app: uri, appArgs: append(this.state.options.appArgs, args) });
  }

  /** Appends arguments of the application. */
  appArgs(...args: string[]): this {
    return this.derive({ appArgs: append(this.state.options.appArgs, args) });
  }

  protected cliArgs(o: SparkOptions): string[] {
    const out: string[] = [];
    if (o.deployMode !== undefined) out.push("--deploy-mode", o.deployMode);
    if (o.master !== undefined) out.push("--master", o.master);
    if (o.className !== undefined) out.push("--class", o.className);
    for (const conf of toArray(o.conf)) out.push("--conf", conf);
    if (o.pyFiles !== undefined) out.push("--py-files", toArray(o.pyFiles).join(","));
    if (o.jars !== undefined) out.push("--jars", toArray(o.jars).join(","));
    if (o.files !== undefined) out.push("--files", toArray(o.files).join(","));
    out.push(...toArray(o.raw));
    if (o.app !== undefined) out.push(o.app);
    out.push(...toArray(o.appArgs));
    return out;
  }
}

/** A Spark step; `build()` compiles once `.app()` is called. `{ ami: true, region }` for AMI-era clusters. */
export function spark(name: string, form?: FormOption): SparkStep {
  return new SparkStep(
    stepState(name, {
      form: formOf(form),
      raw: undefined,
      conf: undefined,
      pyFiles: undefined,
      jars: undefined,
      files: undefined,
      appArgs: undefined,
      deployMode: undefined,
      master: undefined,
      className: undefined,
      app: undefined,
    }),
  );
}
