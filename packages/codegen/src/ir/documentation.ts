/**
 * A model's documentation as the IR keeps it: HTML with each run of whitespace made one space, as HTML reads it.
 * The two formats wrap the same text differently (Smithy keeps the source's line breaks, botocore joins them), so
 * without this the same documentation would be two different strings.
 */
export function documentation(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const html = collapseWhitespace(value).trim();
  return html === "" ? undefined : html;
}

/**
 * `text.replace(/\s+/g, " ")`, matching only the runs that change: a run of two or more, or one whitespace character
 * that is not a space. A lone space (nearly every run in prose) is left in place rather than replaced by another, so
 * text already collapsed (the IR's, which the docs converter collapses again) is scanned and returned as it is.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, " ");
}
