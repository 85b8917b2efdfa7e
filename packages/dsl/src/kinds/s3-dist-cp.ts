import { StepBuilderBase } from "../builders/step-builder-base.js";
import { COMMAND_RUNNER } from "../cli/cli-step-types.js";
import type { HadoopJarStepConfig } from "../generated/types.generated.js";

/** The common S3DistCp options (EMR Release Guide, "S3DistCp"); each becomes `--name=value`, flags `--name`. */
export interface S3DistCpOptions {
  readonly srcPattern?: string;
  readonly groupBy?: string;
  readonly targetSize?: number;
  readonly outputCodec?: string;
  readonly s3ServerSideEncryption?: boolean;
  readonly deleteOnSuccess?: boolean;
  readonly disableMultipartUpload?: boolean;
  readonly multipartUploadChunkSize?: number;
  readonly numberFiles?: boolean;
  readonly startingIndex?: number;
  readonly outputManifest?: string;
  readonly previousManifest?: string;
  readonly copyFromManifest?: boolean;
  readonly s3Endpoint?: string;
  readonly storageClass?: string;
}

interface DistCpState {
  readonly src: string | undefined;
  readonly dest: string | undefined;
  /** Every `.options()` call's record, merged in order at build time. */
  readonly options: readonly S3DistCpOptions[] | undefined;
}

/** Copies between S3 and HDFS with `s3-dist-cp` through command-runner.jar. */
export class S3DistCpStep<Missing extends string = "src" | "dest"> extends StepBuilderBase<DistCpState, Missing> {
  src(uri: string): S3DistCpStep<Exclude<Missing, "src">> {
    return this.set("src", uri);
  }

  dest(uri: string): S3DistCpStep<Exclude<Missing, "dest">> {
    return this.set("dest", uri);
  }

  /** Sets options (merged with those set before). */
  options(options: S3DistCpOptions): this {
    return this.append("options", { ...options });
  }

  protected hadoopJarStep(state: DistCpState): HadoopJarStepConfig {
    const args = ["s3-dist-cp"];
    if (state.src !== undefined) args.push(`--src=${state.src}`);
    if (state.dest !== undefined) args.push(`--dest=${state.dest}`);
    // Later options replace earlier ones in place, as an object spread would (a Map, so `__proto__` is a key too).
    const merged = new Map<string, unknown>();
    for (const options of state.options ?? [])
      for (const [key, value] of Object.entries(options)) merged.set(key, value);
    for (const [key, value] of merged) {
      if (value === true) args.push(`--${key}`);
      else if (value !== false && value !== undefined) args.push(`--${key}=${String(value)}`);
    }
    return { Jar: COMMAND_RUNNER, Args: args };
  }
}

/**
 * An S3DistCp copy; `build()` compiles once `.src()` and `.dest()` are called.
 * @example s3DistCp("cp").src("s3://a/in/").dest("hdfs:///in/").options({ srcPattern: ".*\\.gz" }).build().HadoopJarStep.Args
 * // ["s3-dist-cp", "--src=s3://a/in/", "--dest=hdfs:///in/", "--srcPattern=.*\\.gz"]
 */
export function s3DistCp(name: string): S3DistCpStep {
  return new S3DistCpStep(name, () => ({ src: undefined, dest: undefined, options: undefined }));
}
