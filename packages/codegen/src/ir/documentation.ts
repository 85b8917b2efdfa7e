/**
 * A model's documentation as the IR keeps it: HTML with each run of whitespace made one space, as HTML reads it.
 * The two formats wrap the same text differently (Smithy keeps the source's line breaks, botocore joins them), so
 * without this the same documentation would be two different strings.
 */
export function documentation(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const html = value.replace(/\s+/g, " ").trim();
  return html === "" ? undefined : html;
}
