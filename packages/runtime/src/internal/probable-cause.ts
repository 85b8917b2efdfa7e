/**
 * Finds the probable cause of a failed step in its stderr: the last Python traceback (`Traceback (most recent call
 * last):` … its final exception line) or the last Java-style exception line (`Exception in thread …`,
 * `…Exception: …`, `Caused by: …`, and Node's `Error: …`), whichever comes later, with the lines around it.
 * Without either, the last non-empty lines. Undefined for an empty stderr.
 */
export interface Cause {
  summary: string;
  lines: string[];
}

const TRACEBACK = /^Traceback \(most recent call last\):\s*$/;
const EXCEPTION =
  /^(?:Exception in thread "[^"]*" |Caused by: )?(?:[A-Za-z_$][\w$]*\.)*[\w$]*(?:Exception|Error|Throwable)(?::\s.*|:?\s*)$/;
const MAX_LINES = 20;

export function probableCause(text: string): Cause | undefined {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const python = lastPythonTraceback(lines);
  const java = lastExceptionLine(lines);
  if (python !== undefined && (java === undefined || python.end >= java)) {
    const block = lines.slice(python.start, python.end + 1);
    const kept = block.length > MAX_LINES ? [block[0] ?? "", "…", ...block.slice(-(MAX_LINES - 2))] : block;
    return { summary: (lines[python.end] ?? "").trim(), lines: kept };
  }
  if (java !== undefined) {
    const start = blockStart(lines, java);
    const end = Math.min(lines.length, java + 8);
    const kept = lines
      .slice(Math.max(start, java - (MAX_LINES - 8)), end)
      .filter((line, i, all) => i < all.length - 1 || line.trim() !== "");
    return { summary: stripPrefix((lines[java] ?? "").trim()), lines: kept };
  }
  const nonEmpty = lines.filter((line) => line.trim() !== "");
  const last = nonEmpty.at(-1);
  return last === undefined ? undefined : { summary: last.trim(), lines: nonEmpty.slice(-10) };
}

function lastPythonTraceback(lines: readonly string[]): { start: number; end: number } | undefined {
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (TRACEBACK.test(lines[i] ?? "")) {
      start = i;
      break;
    }
  }
  if (start === -1) return undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line !== "" && !/^\s/.test(line)) return { start, end: i };
  }
  return { start, end: lines.length - 1 };
}

function lastExceptionLine(lines: readonly string[]): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (EXCEPTION.test((lines[i] ?? "").trim()) && !/^\s+at\s/.test(lines[i] ?? "")) return i;
  }
  return undefined;
}

/** Back from a `Caused by:` to the exception that opened the chain, so the lines show the whole story. */
function blockStart(lines: readonly string[], at: number): number {
  let i = at;
  while (i > 0 && /^(\s+at |\s+\.\.\. \d+ more|Caused by: )/.test(lines[i] ?? "")) i--;
  return i;
}

function stripPrefix(line: string): string {
  return line.replace(/^Exception in thread "[^"]*" /, "").replace(/^Caused by: /, "");
}
