import { nearest as nearestName } from "@emrkit/dsl";

/**
 * The name that was probably meant: the DSL's own suggestion (same letters ignoring case and dashes, or 2 edits
 * away), else a name whose letters appear in order in what was written, or the other way round (`--source` for
 * `--src`).
 */
export function nearest(written: string, names: readonly string[]): string | undefined {
  const w = written.toLowerCase();
  return (
    nearestName(written, names) ?? names.find((name) => within(name.toLowerCase(), w) || within(w, name.toLowerCase()))
  );
}

/** Whether the letters of `short` (past its dashes), three or more, appear in order in `long`. */
function within(short: string, long: string): boolean {
  const letters = short.replace(/^-+/, "");
  if (letters.length < 3) return false;
  let at = 0;
  for (const c of long.replace(/^-+/, "")) if (c === letters[at]) at++;
  return at === letters.length;
}
