/**
 * S3DistCp's options, as the EMR Release Guide lists them ("S3DistCp (s3-dist-cp)", S3DistCp options,
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/UsingEMR_s3distcp.html): `--name=value` or `--name value`.
 * Implemented: --src, --dest, --srcPattern, --groupBy, --targetSize, --outputCodec, --deleteOnSuccess. Accepted and
 * ignored, since they only tune the transfer to real S3 and change nothing in what is written: --s3Endpoint (the
 * docs' own step example passes it), --disableMultipartUpload, --multipartUploadChunkSize, and Hadoop's generic
 * `-D name=value`. Every other documented option is refused, naming it; anything else is refused with the nearest
 * option's name.
 */
import { groupCount, javaMatcher } from "./java-regex.js";

export type Codec = "keep" | "none" | "gzip";

export interface DistCpOptions {
  src: string;
  dest: string;
  srcPattern?: RegExp;
  groupBy?: RegExp;
  /** Bytes (the option is in MiB). */
  targetSize?: number;
  outputCodec: Codec;
  deleteOnSuccess: boolean;
  /** What was accepted and has no effect here, for the step's log. */
  ignored: string[];
}

const WITH_VALUE = ["--src", "--dest", "--srcPattern", "--groupBy", "--targetSize", "--outputCodec"] as const;
const IGNORED_WITH_VALUE = ["--s3Endpoint", "--multipartUploadChunkSize"];
const IGNORED_FLAGS = ["--disableMultipartUpload"];
/** Documented, and not done here: what each would need. */
const REFUSED: Record<string, string> = {
  "--appendToLastFile": "appending to files already at --dest",
  "--s3ServerSideEncryption": "server-side encryption, which the local S3 root does not have",
  "--numberFiles": "numbering output files",
  "--startingIndex": "numbering output files",
  "--outputManifest": "manifests",
  "--previousManifest": "manifests",
  "--requirePreviousManifest": "manifests",
  "--copyFromManifest": "manifests",
  "--storageClass": "storage classes, which the local S3 root does not have",
  "--srcPrefixesFile": "source prefix files",
};
const FLAGS_REFUSED = new Set([
  "--appendToLastFile",
  "--s3ServerSideEncryption",
  "--numberFiles",
  "--requirePreviousManifest",
  "--copyFromManifest",
]);
const ALL = [...WITH_VALUE, "--deleteOnSuccess", ...IGNORED_WITH_VALUE, ...IGNORED_FLAGS, ...Object.keys(REFUSED)];

/** EMR's codecs (the docs list gzip, gz, lzo, snappy and none; keep is S3DistCp's default, "no change"). */
const NATIVE_ONLY = new Set(["lzo", "lzop", "snappy"]);

/** Names the option that was probably meant; given by the emulator, not loaded in s3-dist-cp's own process. */
export type Suggest = (written: string, names: readonly string[]) => string | undefined;

/** Parses the arguments; throws an Error that names the argument (`Args[2]`, counting s3-dist-cp's own). */
export function parseDistCpOptions(args: readonly string[], argOffset = 0, suggest?: Suggest): DistCpOptions {
  const values = new Map<string, string>();
  const ignored: string[] = [];
  let deleteOnSuccess = false;
  const at = (i: number) => `Args[${i + argOffset}]`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("-D")) {
      const property = arg === "-D" ? args[++i] : arg.slice(2);
      if (!property?.includes("="))
        throw new Error(`${at(i)}: -D needs name=value, not ${JSON.stringify(property ?? "")}`);
      ignored.push(`-D${property}`);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = () => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined) throw new Error(`${at(i)}: ${name} needs a value (${name}=VALUE or ${name} VALUE)`);
      i++;
      return next;
    };
    if ((WITH_VALUE as readonly string[]).includes(name)) {
      if (values.has(name)) throw new Error(`${at(i)}: ${name} is given twice`);
      values.set(name, value());
    } else if (name === "--deleteOnSuccess") {
      deleteOnSuccess = true;
    } else if (IGNORED_WITH_VALUE.includes(name)) {
      ignored.push(`${name}=${value()}`);
    } else if (IGNORED_FLAGS.includes(name)) {
      ignored.push(name);
    } else if (name in REFUSED) {
      if (!FLAGS_REFUSED.has(name)) value();
      throw new Error(`${at(i)}: ${name} is an S3DistCp option this emulator does not implement (${REFUSED[name]})`);
    } else if (name.startsWith("-")) {
      const near = suggest?.(name, ALL);
      throw new Error(`${at(i)}: ${name} is not an S3DistCp option${near ? `; did you mean ${near}?` : ""}`);
    } else {
      throw new Error(
        `${at(i)}: ${JSON.stringify(arg)} is not an option; S3DistCp takes --src=LOCATION and --dest=LOCATION`,
      );
    }
  }
  const src = values.get("--src");
  const dest = values.get("--dest");
  if (!src) throw new Error("--src is required: the location of the data to copy");
  if (!dest) throw new Error("--dest is required: where the data goes");
  const options: DistCpOptions = {
    src,
    dest,
    outputCodec: codec(values.get("--outputCodec")),
    deleteOnSuccess,
    ignored,
  };
  const srcPattern = values.get("--srcPattern");
  if (srcPattern !== undefined) options.srcPattern = pattern("--srcPattern", srcPattern);
  const groupBy = values.get("--groupBy");
  if (groupBy !== undefined) {
    options.groupBy = pattern("--groupBy", groupBy);
    // "If the regular expression does not include a parenthetical statement, the cluster fails on the S3DistCp step."
    if (groupCount(options.groupBy) === 0) {
      throw new Error(`--groupBy ${groupBy} has no group in parentheses: the group's match names each output file`);
    }
  }
  const targetSize = values.get("--targetSize");
  if (targetSize !== undefined) {
    // "This value must be an integer."
    if (!/^[1-9][0-9]{0,8}$/.test(targetSize)) {
      throw new Error(`--targetSize must be a whole number of mebibytes, 1 or more, not ${JSON.stringify(targetSize)}`);
    }
    options.targetSize = Number(targetSize) * 1024 * 1024;
  }
  return options;
}

function pattern(name: string, source: string): RegExp {
  try {
    return javaMatcher(source);
  } catch (error) {
    throw new Error(`${name} ${source}: ${(error as Error).message}`);
  }
}

function codec(value: string | undefined): Codec {
  const name = (value ?? "keep").toLowerCase();
  if (name === "keep" || name === "none") return name;
  if (name === "gzip" || name === "gz") return "gzip";
  if (NATIVE_ONLY.has(name)) {
    throw new Error(
      `--outputCodec ${value}: EMR writes ${name} with Hadoop's native codecs, which this emulator does not have; use gzip, gz, none or keep here`,
    );
  }
  throw new Error(`--outputCodec ${value} is not a codec S3DistCp knows: it takes gzip, gz, lzo, snappy, none or keep`);
}
