import { readFile } from "node:fs/promises";
import { StepsFileError } from "./steps-file-error.js";

/** What Node's file errors mean to someone who typed the name, instead of `ENOENT: no such file or directory, open …`. */
const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory, not a steps file",
  EACCES: "cannot be read: permission denied",
  EPERM: "cannot be read: operation not permitted",
  ENOTDIR: "no such file (a part of the path is not a directory)",
  ELOOP: "cannot be read: too many symbolic links",
};

export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new StepsFileError(file, REASONS[code ?? ""] ?? `cannot be read: ${message}`);
  }
}
