/** Why a program failed, in its own words: Program.failure over the end of its stderr. */
import { open } from "node:fs/promises";
import type { Program } from "./program.js";

/** A failed program's own account of why, from the last 64 KiB of its stderr (Program.failure). */
export async function causeOf(program: Program, stderrFile: string): Promise<string | undefined> {
  if (!program.failure) return undefined;
  const tail = await readTail(stderrFile, 64 * 1024).catch(() => "");
  return program.failure(tail);
}

async function readTail(path: string, bytes: number): Promise<string> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.min(size, bytes));
    await file.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString("utf8");
  } finally {
    await file.close();
  }
}
