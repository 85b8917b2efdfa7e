import type { InitialOptions } from "../builders/step-builder-base.js";
import { type FormOption, RELEASE_LABEL_FORM } from "../cli/cli-step-types.js";
import { CliKindBuilder, inForm, type KindOptions, pushAll } from "./cli-kind-builder.js";

interface SparkOptions extends KindOptions {
  readonly deployMode: "cluster" | "client" | undefined;
  readonly master: string | undefined;
  readonly className: string | undefined;
  readonly conf: readonly string[] | undefined;
  readonly pyFiles: readonly string[] | undefined;
  readonly jars: readonly string[] | undefined;
  readonly files: readonly string[] | undefined;
  readonly app: string | undefined;
  readonly appArgs: readonly string[] | undefined;
}

/** A Spark application (`Type=Spark`): `spark-submit [options] <app> [app args]` through command-runner.jar. */
export class SparkStep<Missing extends string = "app"> extends CliKindBuilder<SparkOptions, Missing> {
  protected get cliType() {
    return "SPARK" as const;
  }

  deployMode(mode: "cluster" | "client"): this {
    return this.set("deployMode", mode);
  }

  master(master: string): this {
    return this.set("master", master);
  }

  /** `--class`: the main class of a JVM application. */
  class(name: string): this {
    return this.set("className", name);
  }

  /** Appends `--conf key=value`. */
  conf(key: string, value: string): this {
    return this.append("conf", `${key}=${value}`);
  }

  /** Appends to `--py-files` (comma-joined). */
  pyFiles(...uris: string[]): this {
    return this.append("pyFiles", ...uris);
  }

  /** Appends to `--jars` (comma-joined). */
  jars(...uris: string[]): this {
    return this.append("jars", ...uris);
  }

  /** Appends to `--files` (comma-joined). */
  files(...uris: string[]): this {
    return this.append("files", ...uris);
  }

  /**
   * The application (a jar or a .py) and its first arguments.
   * @example spark("wc").app("s3://b/wc.py", "s3://in/").build().HadoopJarStep.Args // ["spark-submit", "s3://b/wc.py", "s3://in/"]
   */
  app(uri: string, ...args: string[]): SparkStep<Exclude<Missing, "app">> {
    const withApp: SparkStep<Exclude<Missing, "app">> = this.set("app", uri);
    return args.length === 0 ? withApp : withApp.append("appArgs", ...args);
  }

  /** Appends arguments of the application. */
  appArgs(...args: string[]): this {
    return this.append("appArgs", ...args);
  }

  protected writeCliArgs(o: SparkOptions, out: string[]): void {
    if (o.deployMode !== undefined) out.push("--deploy-mode", o.deployMode);
    if (o.master !== undefined) out.push("--master", o.master);
    if (o.className !== undefined) out.push("--class", o.className);
    if (o.conf !== undefined) for (const conf of o.conf) out.push("--conf", conf);
    if (o.pyFiles !== undefined) out.push("--py-files", o.pyFiles.join(","));
    if (o.jars !== undefined) out.push("--jars", o.jars.join(","));
    if (o.files !== undefined) out.push("--files", o.files.join(","));
    pushAll(out, o.raw);
    if (o.app !== undefined) out.push(o.app);
    pushAll(out, o.appArgs);
  }
}

/** The options of a new Spark step on a release-label cluster; a new object on each call. */
const initial = (): InitialOptions<SparkOptions> => ({
  form: RELEASE_LABEL_FORM,
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
});

/** A Spark step; `build()` compiles once `.app()` is called. `{ ami: true, region }` for AMI-era clusters. */
export function spark(name: string, form?: FormOption): SparkStep {
  return new SparkStep(name, inForm(initial, form));
}
