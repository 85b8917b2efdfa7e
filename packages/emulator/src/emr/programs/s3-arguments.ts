/**
 * How a mapped tool's `s3://` arguments reach the local S3, as on a single-node EMR where they reach S3 through
 * EMRFS: with a local S3 endpoint in the step's environment (AWS_ENDPOINT_URL_S3), as `s3a://` locations that
 * Hadoop's S3A client reads through it, with S3A's settings for that endpoint (s3aSettings); without one, as
 * `file://` paths under the local S3 root. Files the tool itself loads before any job runs (Spark's application
 * and --py-files, Hive's and Pig's -f scripts, streaming's -files) are given as local paths either way, so that a
 * tool without S3A on its classpath still starts. `hdfs://` locations are `file://` paths in the cluster's HDFS
 * folder, where s3-dist-cp writes them: a tool in local mode has no HDFS of its own.
 */
import { localLocation } from "./locations.js";
import { type ProgramContext, ProgramError } from "./program.js";

const S3_IN_ARG = /s3[an]?:\/\/[^\s,;'"]+/g;
const HDFS_IN_ARG = /hdfs:\/\/[^/\s,;'"]*\/[^\s,;'"]*/g;

export interface S3Endpoint {
  url: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

export class S3Arguments {
  readonly endpoint: S3Endpoint | undefined;

  constructor(private readonly context: ProgramContext) {
    const { AWS_ENDPOINT_URL_S3: url, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION } = context.env;
    this.endpoint = url
      ? {
          url,
          accessKey: AWS_ACCESS_KEY_ID ?? "",
          secretKey: AWS_SECRET_ACCESS_KEY ?? "",
          region: AWS_REGION ?? "us-east-1",
        }
      : undefined;
  }

  /** A data location in an argument (`s3://b/in`, `INPUT=s3://b/in`), for the job to read or write. */
  data(arg: string, index: number): string {
    return arg
      .replace(S3_IN_ARG, (uri) =>
        this.endpoint ? uri.replace(/^s3[an]?:/, "s3a:") : `file://${this.local(uri, index)}`,
      )
      .replace(HDFS_IN_ARG, (uri) => `file://${this.local(uri, index)}`);
  }

  /** A file (or comma-separated files) the tool loads itself: a local path. */
  resource(arg: string, index: number): string {
    return arg
      .replace(S3_IN_ARG, (uri) => this.local(uri, index))
      .replace(HDFS_IN_ARG, (uri) => this.local(uri, index));
  }

  /** What the controller log says of where s3:// went. */
  get how(): string {
    return this.endpoint
      ? `s3:// locations go to the local S3 endpoint ${this.endpoint.url} (AWS_ENDPOINT_URL_S3) as s3a://; files the tool loads itself are given as paths under the local S3 root`
      : `s3:// locations are paths under the local S3 root ${this.context.s3Root} (no AWS_ENDPOINT_URL_S3 in the step's environment)`;
  }

  /** Hadoop's S3A settings for the endpoint, and s3:// read through S3A too, for locations a job makes itself. */
  s3aSettings(): [string, string][] {
    const e = this.endpoint;
    if (!e) return [];
    return [
      ["fs.s3a.endpoint", e.url],
      ["fs.s3a.endpoint.region", e.region],
      ["fs.s3a.path.style.access", "true"],
      ["fs.s3a.connection.ssl.enabled", String(e.url.startsWith("https:"))],
      ["fs.s3a.access.key", e.accessKey],
      ["fs.s3a.secret.key", e.secretKey],
      ["fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem"],
    ];
  }

  /** The argv as the log shows it: the secret key masked, should it be a real one passed through. */
  masked(argv: string[]): string[] {
    const secret = this.endpoint?.secretKey;
    return secret ? argv.map((a) => a.split(secret).join("****")) : argv;
  }

  private local(uri: string, index: number): string {
    const { s3Root, hdfsRoot, dirs } = this.context;
    try {
      return localLocation({ s3Root, hdfsRoot, workDir: dirs.workDir }, uri).path;
    } catch (error) {
      throw new ProgramError(`Args[${index}]: ${(error as Error).message}`);
    }
  }
}
