/**
 * Which files S3DistCp copies and what it writes, after the EMR Release Guide's S3DistCp options
 * (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/UsingEMR_s3distcp.html):
 * - every file under --src, kept where it was relative to --src under --dest, unless --srcPattern or --groupBy
 *   leaves it out; both are matched against the file's whole location (`s3://bucket/logs/a.log`);
 * - with --groupBy, the files whose groups match the same text are concatenated into one file named after it
 *   ("the concatenated filename is the value matched by the regular expression for the grouping", every group's
 *   match side by side), in the folder of the group's first file; a file whose groups match nothing is left out;
 * - with --targetSize, a group is cut into parts of about that size, never inside a file ("it is possible that the
 *   target file size will match the source data file size"), named with their number before the codec's
 *   extension: myfile0.gz, myfile1.gz;
 * - --outputCodec gzip/gz appends .gz, none takes a compression extension off, keep (the default) changes nothing.
 * Guesses, where the docs say nothing: files are listed in path order; a --src that is one file is copied into
 * --dest; an output file already there is replaced.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import type { Codec, DistCpOptions } from "./options.js";

export interface SourceFile {
  /** The location as --srcPattern and --groupBy see it. */
  uri: string;
  path: string;
  size: number;
}

export interface OutputFile {
  path: string;
  files: SourceFile[];
}

/** Compression extensions S3DistCp recognises on file names. */
export const CODEC_SUFFIXES = ["gz", "gzip", "lzo", "lzop", "snappy"];

/** Lists the files under `srcPath` (the local place of `options.src`) in path order. */
export async function listSources(options: DistCpOptions, srcPath: string): Promise<SourceFile[]> {
  const info = await stat(srcPath).catch(() => undefined);
  if (!info) throw new Error(`--src ${options.src}: nothing is there (${srcPath})`);
  const base = options.src.replace(/\/+$/, "");
  if (info.isFile()) return [{ uri: base, path: srcPath, size: info.size }];
  const files: SourceFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        files.push({ uri: `${base}/${relative(srcPath, path)}`, path, size: (await stat(path)).size });
      }
    }
  };
  await walk(srcPath);
  return files;
}

/** What is written where: one output per file, or per group and part with --groupBy. */
export function planOutputs(
  options: DistCpOptions,
  srcPath: string,
  destPath: string,
  sources: SourceFile[],
): OutputFile[] {
  const chosen = sources.filter((f) => !options.srcPattern || options.srcPattern.test(f.uri));
  const placed = (f: SourceFile) => join(destPath, f.path === srcPath ? basename(f.path) : relative(srcPath, f.path));
  if (!options.groupBy) {
    return chosen.map((f) => ({ path: named(placed(f), options.outputCodec, undefined), files: [f] }));
  }
  const groups = new Map<string, SourceFile[]>();
  for (const file of chosen) {
    const match = options.groupBy.exec(file.uri);
    const key = match ? match.slice(1).join("") : "";
    if (key === "") continue;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const outputs: OutputFile[] = [];
  for (const [key, files] of groups) {
    const dir = dirname(placed(files[0]!));
    const name = key.split("/").pop()!.replace(/:/g, "") || "group";
    const parts = split(files, options.targetSize);
    parts.forEach((part, i) => {
      outputs.push({
        path: named(join(dir, name), options.outputCodec, parts.length > 1 ? i : undefined),
        files: part,
      });
    });
  }
  return outputs;
}

function split(files: SourceFile[], targetSize: number | undefined): SourceFile[][] {
  if (targetSize === undefined) return [files];
  const parts: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let size = 0;
  for (const file of files) {
    current.push(file);
    size += file.size;
    if (size >= targetSize) {
      parts.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** A file name with the codec's extension, and the part's number before it. */
function named(path: string, codec: Codec, index: number | undefined): string {
  const dot = path.lastIndexOf(".");
  const ext = dot > path.lastIndexOf("/") ? path.slice(dot + 1) : "";
  const compressed = CODEC_SUFFIXES.includes(ext.toLowerCase());
  const stem = compressed ? path.slice(0, dot) : path;
  const suffix = codec === "gzip" ? ".gz" : codec === "keep" && compressed ? `.${ext}` : "";
  return `${stem}${index ?? ""}${suffix}`;
}
